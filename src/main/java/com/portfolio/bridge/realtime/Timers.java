package com.portfolio.bridge.realtime;

import com.portfolio.bridge.vocabulary.NamedThreads;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's and the namespace's timers (heartbeats, CONNECT deadlines, token expiry). One
 * thread keeps time; a due task runs on a small pool of threads of its own (made by Liberty's
 * managed thread factory, so they carry the application's context once), and on Liberty's
 * executor when all of those are busy. Timers of a second or more go by ticks ({@link TickBatches}).
 * Liberty's own scheduled executor held a thread context per pending task (see bench/RESULTS.md).
 */
final class Timers extends ScheduledThreadPoolExecutor {

    private static final Logger LOG = Logger.getLogger(Timers.class.getName());
    /** Due tasks only send a frame or hand a close on; a few threads keep up, more are for a burst. */
    private static final int CORE_THREADS = 2;
    private static final int MAX_THREADS = 16;

    private final ThreadPoolExecutor due;
    private final TickBatches batches;

    Timers(ThreadFactory threads, Executor overflow) {
        super(1, NamedThreads.of(threads, "portfolio-timer-"));
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        due = new ThreadPoolExecutor(CORE_THREADS, MAX_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                NamedThreads.of(threads, "portfolio-timer-work-"), (task, pool) -> overflow(overflow, task));
        batches = new TickBatches((task, nanos) -> super.schedule(task, nanos, TimeUnit.NANOSECONDS), this::handOff);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        if (TickBatches.batches(delay, unit)) {
            return batches.schedule(task, delay, unit);
        }
        return super.schedule(() -> handOff(task), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(() -> handOff(task), initialDelay, period, unit);
    }

    @Override
    public List<Runnable> shutdownNow() {
        due.shutdownNow();
        return super.shutdownNow();
    }

    private void handOff(Runnable task) {
        if (due.isShutdown()) {
            return;
        }
        due.execute(() -> runLogged(task));
    }

    private static void overflow(Executor overflow, Runnable task) {
        try {
            overflow.execute(task);
        } catch (RejectedExecutionException stopping) {
            LOG.fine("timer task dropped: the executor is stopping");
        }
    }

    /** A failed task would otherwise end up in a future nobody reads. */
    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "timer task failed", e);
        }
    }
}

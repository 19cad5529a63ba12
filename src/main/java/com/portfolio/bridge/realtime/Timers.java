package com.portfolio.bridge.realtime;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's and the namespace's timers (heartbeats, CONNECT deadlines, token expiry). One
 * plain thread keeps time; a due task runs on Liberty's executor, like all other connection work.
 * Liberty's managed scheduled executor kept every pending task with a captured thread context
 * (about 4 tasks and 2.5 KB per socket), cancelled ones until their due time. Running the tasks on
 * the timer thread itself made Liberty's WebSocket close handshake stall 8.5 s per socket and
 * starve its executor (LeakIT), hence the hand-off.
 */
final class Timers extends ScheduledThreadPoolExecutor {

    private static final Logger LOG = Logger.getLogger(Timers.class.getName());

    private final Executor work;

    Timers(ThreadFactory timerThread, Executor work) {
        super(1, timerThread);
        this.work = work;
        setRemoveOnCancelPolicy(true);
        setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        return super.schedule(() -> handOff(task), delay, unit);
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable task, long initialDelay, long period, TimeUnit unit) {
        return super.scheduleAtFixedRate(() -> handOff(task), initialDelay, period, unit);
    }

    private void handOff(Runnable task) {
        try {
            work.execute(() -> runLogged(task));
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

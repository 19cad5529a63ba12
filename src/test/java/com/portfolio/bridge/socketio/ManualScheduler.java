package com.portfolio.bridge.socketio;

import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A ScheduledExecutorService that records one-shot tasks and runs them only when told; any other
 * use is logged in {@code refused} and throws (the engine's emitter may swallow the exception).
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    final List<Task> tasks = new CopyOnWriteArrayList<>();
    final List<String> refused = new CopyOnWriteArrayList<>();
    volatile boolean shutdown;

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Task task = new Task(command, delay, unit);
        tasks.add(task);
        return task;
    }

    /** The most recent task scheduled with this delay in milliseconds. */
    Task latest(long delayMs) {
        List<Task> matching = tasks.stream().filter(t -> t.unit.toMillis(t.delay) == delayMs).toList();
        return matching.get(matching.size() - 1);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw refuse("schedule(Callable)");
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw refuse("scheduleAtFixedRate");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw refuse("scheduleWithFixedDelay");
    }

    @Override
    public void execute(Runnable command) {
        throw refuse("execute/submit");
    }

    private UnsupportedOperationException refuse(String call) {
        refused.add(call);
        return new UnsupportedOperationException(call);
    }

    @Override
    public void shutdown() {
        shutdown = true;
    }

    @Override
    public List<Runnable> shutdownNow() {
        shutdown = true;
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return shutdown;
    }

    @Override
    public boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return shutdown;
    }

    /** A one-shot task: runs (once) only when a test calls run(), and not if cancelled. */
    static final class Task extends FutureTask<Object> implements ScheduledFuture<Object> {
        final long delay;
        final TimeUnit unit;

        Task(Runnable command, long delay, TimeUnit unit) {
            super(command, null);
            this.delay = delay;
            this.unit = unit;
        }

        /** Runs the task; a failure inside it fails the test rather than hiding in the future. */
        @Override
        public void run() {
            super.run();
            try {
                if (!isCancelled()) {
                    get();
                }
            } catch (InterruptedException | ExecutionException e) {
                throw new IllegalStateException("the scheduled task failed", e);
            }
        }

        @Override
        public long getDelay(TimeUnit u) {
            return u.convert(delay, unit);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}

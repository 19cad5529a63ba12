package com.portfolio.bridge.realtime;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's and the namespace's timers (heartbeats, CONNECT deadlines, token expiry): a plain
 * scheduled pool on Liberty-managed threads. Liberty's managed scheduled executor captured the
 * thread context of every task (about 4 tasks and 2.5 KB per socket at 19,000 clients in the
 * benchmark's heap histogram) and kept cancelled tasks queued until their due time.
 */
final class Timers {

    private static final Logger LOG = Logger.getLogger(Timers.class.getName());

    private Timers() {
    }

    static ScheduledThreadPoolExecutor create(ThreadFactory threads) {
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, threads,
                // Only after stop(): a closing connection's timer has nothing left to do.
                (task, pool) -> LOG.fine("timer after shutdown dropped")) {
            @Override
            protected void afterExecute(Runnable task, Throwable thrown) {
                logFailure(task);
            }
        };
        timers.setRemoveOnCancelPolicy(true);
        timers.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return timers;
    }

    /** A failed timer task would otherwise only be kept in its future, which nobody reads. */
    private static void logFailure(Runnable task) {
        if (task instanceof Future<?> future && future.isDone() && !future.isCancelled()) {
            try {
                future.get();
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "timer task failed", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

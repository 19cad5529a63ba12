package com.portfolio.bridge.bus;

import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * One key stripe's order, without a thread of its own: a task runs at once on the thread that
 * submits it when the lane is free; when another thread holds the lane, the task waits in line
 * and that thread runs it next. So an event crosses no thread of ours between the bus consumer
 * and the sockets' queues (on a busy machine each hand-over is a wait for a core), and a restore
 * that holds the lane still keeps the room's events behind it.
 */
final class Lane {

    private final ArrayDeque<Runnable> waiting = new ArrayDeque<>();
    private final int capacity;
    private boolean held;
    private boolean closed;
    // When the running task started (System.nanoTime() | 1), 0 when none runs: health spots one that hangs.
    private volatile long runningSince;

    Lane(int capacity) {
        this.capacity = capacity;
    }

    /**
     * Runs {@code task} now, or after the tasks ahead of it. A full line blocks the submitter
     * (back-pressure to the bus). A task that throws strands none behind it: the holder runs them
     * all, then rethrows the first failure.
     */
    void submit(Runnable task) {
        synchronized (this) {
            awaitRoom();
            if (held) {
                waiting.add(task);
                return;
            }
            held = true;
        }
        drain(task);
    }

    private void drain(Runnable first) {
        Throwable failed = null;
        Runnable next = first;
        while (next != null) {
            runningSince = System.nanoTime() | 1;
            try {
                next.run();
            } catch (Throwable t) {
                // Rethrown once the line is empty: the tasks behind it must still run, in order.
                failed = failed == null ? t : failed;
            }
            runningSince = 0;
            synchronized (this) {
                next = waiting.poll();
                held = next != null;
                notifyAll();
            }
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
    }

    // Re-checked after every wake-up: the holder may have emptied the line and let go meanwhile.
    private void awaitRoom() {
        while (held && waiting.size() >= capacity && !closed) {
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RejectedExecutionException("interrupted while waiting for a lane", e);
            }
        }
        if (closed) {
            throw new RejectedExecutionException("bridge stopping");
        }
    }

    /** How long the running task has been running, in ns (0 when none runs). */
    long runningNanos(long now) {
        long since = runningSince;
        return since == 0 ? 0 : now - since;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}

package com.portfolio.bridge.realtime;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Long timers (heartbeats, ping timeouts, deadlines: a second or more) rounded up to the next
 * tick of {@link #TICK_MS}, so the ones due on the same tick wake the timer thread once and reach
 * the pool in a few hand-offs, not one each: 15,000 idle sockets are 1,200 timers a second, and
 * each hand-off is a thread wake-up. A timer runs at most one tick late, never early.
 */
final class TickBatches {

    static final long TICK_MS = 25;
    /** Shorter timers keep their own time: a tick is noise on a minute, not on a few milliseconds. */
    static final long MIN_DELAY_MS = 1_000;
    /** Due timers per hand-off: a big tick still spreads over the pool's threads. */
    static final int CHUNK = 64;
    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TICK_MS);
    private static final Logger LOG = Logger.getLogger(TickBatches.class.getName());

    private final ConcurrentHashMap<Long, Batch> batches = new ConcurrentHashMap<>();
    private final BiConsumer<Runnable, Long> wakeAfterNanos;
    private final Consumer<Runnable> handOff;

    /**
     * @param wakeAfterNanos runs a task on the timer thread after a delay
     * @param handOff runs a task off the timer thread
     */
    TickBatches(BiConsumer<Runnable, Long> wakeAfterNanos, Consumer<Runnable> handOff) {
        this.wakeAfterNanos = wakeAfterNanos;
        this.handOff = handOff;
    }

    static boolean batches(long delay, TimeUnit unit) {
        return unit.toMillis(delay) >= MIN_DELAY_MS;
    }

    ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
        long due = System.nanoTime() + unit.toNanos(delay);
        long tick = Math.floorDiv(due, TICK_NANOS) + 1;
        Entry entry = new Entry(task, due);
        // A batch that fired just now takes nothing more; its tick then gets a new one, due at once.
        Batch batch;
        do {
            batch = batches.computeIfAbsent(tick, this::newBatch);
        } while (!batch.add(entry));
        return entry;
    }

    private Batch newBatch(long tick) {
        Batch batch = new Batch(tick);
        wakeAfterNanos.accept(batch::fire, tick * TICK_NANOS - System.nanoTime());
        return batch;
    }

    private final class Batch {

        private final long tick;
        private final Set<Entry> entries = new LinkedHashSet<>();
        private boolean fired;

        Batch(long tick) {
            this.tick = tick;
        }

        synchronized boolean add(Entry entry) {
            if (fired) {
                return false;
            }
            entry.batch = this;
            entries.add(entry);
            return true;
        }

        synchronized void remove(Entry entry) {
            entries.remove(entry);
        }

        void fire() {
            batches.remove(tick, this);
            List<Entry> due;
            synchronized (this) {
                fired = true;
                due = new ArrayList<>(entries);
                entries.clear();
            }
            due.sort(Comparator.comparingLong(entry -> entry.due));
            for (int from = 0; from < due.size(); from += CHUNK) {
                List<Entry> chunk = due.subList(from, Math.min(due.size(), from + CHUNK));
                handOff.accept(() -> chunk.forEach(Entry::run));
            }
        }
    }

    private static final class Entry extends FutureTask<Void> implements ScheduledFuture<Void> {

        private final long due;
        private volatile Batch batch;

        Entry(Runnable task, long due) {
            super(task, null);
            this.due = due;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            Batch owner = batch;
            if (cancelled && owner != null) {
                // Let go of what the task holds (its socket) now, not when the tick comes.
                owner.remove(this);
            }
            return cancelled;
        }

        /** A failed task would otherwise end up in a future nobody reads. */
        @Override
        protected void setException(Throwable failure) {
            LOG.log(Level.WARNING, "timer task failed", failure);
            super.setException(failure);
        }
    }
}

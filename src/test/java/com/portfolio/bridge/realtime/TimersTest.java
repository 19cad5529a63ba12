package com.portfolio.bridge.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TimersTest {

    private final Timers timers = new Timers(Executors.defaultThreadFactory(), Runnable::run);

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void longTimersDueOnOneTickRunInOneHandOffNeverEarly() throws Exception {
        // Past one hand-off's chunk, and again once the first ticks have fired and left.
        for (int wave = 1; wave <= 2; wave++) {
            long before = timers.handOffs();
            Map<Integer, Long> lateNanos = runWave(200);
            long handOffs = timers.handOffs() - before;
            // Without the ticks, each due timer is a hand-off of its own: 200.
            assertTrue(handOffs <= 2 * ((200 + TickBatches.CHUNK - 1) / TickBatches.CHUNK), "wave " + wave + ": hand-offs: " + handOffs);
            lateNanos.forEach((id, late) -> {
                assertTrue(late >= 0, "timer " + id + " ran " + -late + " ns early");
                assertTrue(late < TimeUnit.MILLISECONDS.toNanos(TickBatches.TICK_MS + 500), "timer " + id + " ran " + late + " ns late");
            });
        }
    }

    // All due within 2 ms of each other: one tick, or two if they straddle its edge.
    private Map<Integer, Long> runWave(int count) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(count);
        Map<Integer, Long> lateNanos = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            int id = i;
            long delayMicros = 1_000_000 + i * 10L;
            timers.schedule(() -> {
                lateNanos.put(id, System.nanoTime() - start - TimeUnit.MICROSECONDS.toNanos(delayMicros));
                ran.countDown();
            }, delayMicros, TimeUnit.MICROSECONDS);
        }
        assertTrue(ran.await(5, TimeUnit.SECONDS), "every timer ran");
        assertEquals(count, lateNanos.size());
        return lateNanos;
    }

    @Test
    void aCancelledTimerDoesNotRunAndTheRestOfItsTickDoes() throws Exception {
        AtomicInteger cancelledRuns = new AtomicInteger();
        CountDownLatch others = new CountDownLatch(2);
        timers.schedule(others::countDown, 1_000, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> cancelled = timers.schedule(cancelledRuns::incrementAndGet, 1_000, TimeUnit.MILLISECONDS);
        timers.schedule(others::countDown, 1_000, TimeUnit.MILLISECONDS);
        assertTrue(cancelled.cancel(false));
        assertTrue(cancelled.isCancelled() && cancelled.isDone());
        assertTrue(others.await(5, TimeUnit.SECONDS));
        // The tick ran in one go: had the cancelled timer run, it would have by now.
        assertEquals(0, cancelledRuns.get());
    }

    @Test
    void aFailingTimerLeavesTheOthersOfItsTickRunning() throws Exception {
        CountDownLatch after = new CountDownLatch(1);
        ScheduledFuture<?> failing = timers.schedule(() -> {
            throw new IllegalStateException("boom");
        }, 1_000, TimeUnit.MILLISECONDS);
        timers.schedule(after::countDown, 1_000, TimeUnit.MILLISECONDS);
        assertTrue(after.await(5, TimeUnit.SECONDS));
        assertTrue(failing.isDone());
    }

    @Test
    void shortTimersKeepTheirOwnTime() throws Exception {
        List<Long> late = new ArrayList<>();
        CountDownLatch ran = new CountDownLatch(1);
        long start = System.nanoTime();
        timers.schedule(() -> {
            late.add(System.nanoTime() - start);
            ran.countDown();
        }, 5, TimeUnit.MILLISECONDS);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(late.get(0) >= TimeUnit.MILLISECONDS.toNanos(5));
        assertFalse(timers.isShutdown());
        assertEquals(1, timers.handOffs(), "a short timer is one hand-off of its own");
    }
}

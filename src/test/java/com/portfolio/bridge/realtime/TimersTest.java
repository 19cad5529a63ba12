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

    private static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(TickBatches.TICK_MS);

    private final Timers timers = new Timers(Executors.defaultThreadFactory(), Runnable::run);

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    @Test
    void longTimersWaitForTheirTickNeverEarlyAndRunOffTheTimerThread() throws Exception {
        // Past one hand-off's chunk, and again once the first ticks have fired and left.
        for (int wave = 1; wave <= 2; wave++) {
            int w = wave;
            runWave(200).forEach((id, run) -> {
                long tickStart = (Math.floorDiv(run.due(), TICK_NANOS) + 1) * TICK_NANOS;
                assertTrue(run.ran() >= tickStart, "wave " + w + ": timer " + id + " ran " + (tickStart - run.ran()) + " ns before its tick");
                assertTrue(run.ran() - run.due() < TimeUnit.MILLISECONDS.toNanos(TickBatches.TICK_MS + 500),
                        "timer " + id + " ran " + (run.ran() - run.due()) + " ns late");
                assertTrue(run.thread().startsWith("portfolio-timer-work-"), "timer " + id + " ran on " + run.thread());
            });
        }
    }

    private record Run(long due, long ran, String thread) {
    }

    // All due within 2 ms of each other: one tick, or two if they straddle its edge.
    private Map<Integer, Run> runWave(int count) throws InterruptedException {
        CountDownLatch ran = new CountDownLatch(count);
        Map<Integer, Run> runs = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            int id = i;
            long delayMicros = 1_000_000 + i * 10L;
            // At the latest when the timer is due by the timers' own clock, read after this.
            long due = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(delayMicros);
            timers.schedule(() -> {
                runs.put(id, new Run(due, System.nanoTime(), Thread.currentThread().getName()));
                ran.countDown();
            }, delayMicros, TimeUnit.MICROSECONDS);
        }
        assertTrue(ran.await(5, TimeUnit.SECONDS), "every timer ran");
        assertEquals(count, runs.size());
        return runs;
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
        List<String> thread = new ArrayList<>();
        timers.schedule(() -> {
            late.add(System.nanoTime() - start);
            thread.add(Thread.currentThread().getName());
            ran.countDown();
        }, 5, TimeUnit.MILLISECONDS);
        assertTrue(ran.await(5, TimeUnit.SECONDS));
        assertTrue(late.get(0) >= TimeUnit.MILLISECONDS.toNanos(5));
        assertFalse(timers.isShutdown());
        assertTrue(thread.get(0).startsWith("portfolio-timer-work-"), "handed off the timer thread: " + thread.get(0));
    }
}

package com.portfolio.bridge.realtime;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TickBatchesTest {

    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final AtomicInteger handOffs = new AtomicInteger();
    private final TickBatches batches = new TickBatches((task, nanos) -> clock.schedule(task, nanos, TimeUnit.NANOSECONDS),
            task -> {
                handOffs.incrementAndGet();
                pool.execute(task);
            });

    @AfterEach
    void stop() {
        clock.shutdownNow();
        pool.shutdownNow();
    }

    @Test
    void timersDueOnOneTickReachThePoolInOneHandOffPerChunk() throws Exception {
        // Past one hand-off's chunk, and again once the first ticks have fired and left.
        for (int wave = 1; wave <= 2; wave++) {
            int before = handOffs.get();
            CountDownLatch ran = new CountDownLatch(200);
            // All due within 2 ms of each other: one tick, or two if they straddle its edge.
            for (int i = 0; i < 200; i++) {
                batches.schedule(ran::countDown, 1_000_000 + i * 10L, TimeUnit.MICROSECONDS);
            }
            assertTrue(ran.await(5, TimeUnit.SECONDS), "every timer ran");
            int count = handOffs.get() - before;
            // Without the ticks, each due timer is a hand-off of its own: 200.
            assertTrue(count <= 2 * ((200 + TickBatches.CHUNK - 1) / TickBatches.CHUNK), "wave " + wave + ": hand-offs: " + count);
        }
    }
}

package com.portfolio.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The poll writers' pool: a stalled answer never makes another one wait, until the pool is full. */
class PollWritersTest {

    private final CountDownLatch stallsEnd = new CountDownLatch(1);
    private ThreadPoolExecutor pool;

    @AfterEach
    void stop() {
        stallsEnd.countDown();
        pool.shutdownNow();
    }

    @Test
    void anAnswerRunsAtOnceWhileManyOthersAreStalled() throws Exception {
        pool = PollWriters.handOffPool(Executors.defaultThreadFactory(), 64);
        CountDownLatch stalled = new CountDownLatch(40);
        for (int i = 0; i < 40; i++) {
            pool.execute(() -> {
                stalled.countDown();
                awaitQuietly(stallsEnd);
            });
        }
        assertTrue(stalled.await(10, TimeUnit.SECONDS), "forty stalled writes each got a thread");
        CountDownLatch written = new CountDownLatch(1);
        pool.execute(written::countDown);
        assertTrue(written.await(10, TimeUnit.SECONDS), "a live answer did not wait behind the stalled ones");
        assertEquals(0, pool.getQueue().size());
    }

    @Test
    void pastItsThreadsAnAnswerQueuesAndRunsWhenOneIsFree() throws Exception {
        pool = PollWriters.handOffPool(Executors.defaultThreadFactory(), 4);
        CountDownLatch stalled = new CountDownLatch(4);
        for (int i = 0; i < 4; i++) {
            pool.execute(() -> {
                stalled.countDown();
                awaitQuietly(stallsEnd);
            });
        }
        assertTrue(stalled.await(10, TimeUnit.SECONDS));
        CountDownLatch written = new CountDownLatch(1);
        pool.execute(written::countDown);
        assertEquals(1, pool.getQueue().size(), "queued, not refused");
        assertEquals(4, pool.getPoolSize());
        stallsEnd.countDown();
        assertTrue(written.await(10, TimeUnit.SECONDS), "the queued answer ran once a thread was free");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

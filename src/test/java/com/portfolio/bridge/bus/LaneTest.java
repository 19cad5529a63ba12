package com.portfolio.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LaneTest {

    @Test
    void aFreeLaneRunsTheTaskOnTheSubmittingThread() {
        Lane lane = new Lane(10);
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        lane.submit(() -> ranOn.add(Thread.currentThread()));
        assertEquals(List.of(Thread.currentThread()), ranOn);
    }

    @Test
    void tasksSubmittedWhileAnotherThreadHoldsTheLaneRunAfterItsTaskInOrderOnThatThread() throws Exception {
        Lane lane = new Lane(100);
        List<String> order = new CopyOnWriteArrayList<>();
        List<Thread> ranOn = new CopyOnWriteArrayList<>();
        try (Holder holder = new Holder(lane, Executors.newSingleThreadExecutor(), () -> order.add("first"), () -> { })) {
            for (int i = 0; i < 50; i++) {
                String name = "queued-" + i;
                lane.submit(() -> {
                    order.add(name);
                    ranOn.add(Thread.currentThread());
                });
            }
            assertEquals(List.of("first"), order, "queued tasks wait while the lane is held");
            holder.release.countDown();
            Thread holderThread = holder.done.get(10, TimeUnit.SECONDS);
            assertEquals(51, order.size());
            for (int i = 0; i < 50; i++) {
                assertEquals("queued-" + i, order.get(i + 1));
            }
            assertTrue(ranOn.stream().allMatch(t -> t == holderThread), "the holder ran what queued behind it");
            lane.submit(() -> ranOn.add(Thread.currentThread()));
            assertEquals(Thread.currentThread(), ranOn.get(ranOn.size() - 1), "free again: runs on the submitter");
        }
    }

    @Test
    void aFullLineBlocksTheSubmitterUntilThereIsRoom() throws Exception {
        Lane lane = new Lane(2);
        try (Holder holder = new Holder(lane, Executors.newFixedThreadPool(2), () -> { }, () -> { })) {
            lane.submit(() -> { });
            lane.submit(() -> { });
            CountDownLatch thirdRan = new CountDownLatch(1);
            Future<?> third = holder.threads.submit(() -> lane.submit(thirdRan::countDown));
            assertThrows(java.util.concurrent.TimeoutException.class, () -> third.get(300, TimeUnit.MILLISECONDS),
                    "the third waits for room");
            holder.release.countDown();
            third.get(10, TimeUnit.SECONDS);
            assertTrue(thirdRan.await(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFailingTaskDoesNotStrandTheTasksBehindIt() throws Exception {
        Lane lane = new Lane(10);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (Holder holder = new Holder(lane, Executors.newSingleThreadExecutor(), () -> { }, () -> {
            throw new IllegalStateException("boom");
        })) {
            lane.submit(() -> ran.add("after"));
            holder.release.countDown();
            assertThrows(java.util.concurrent.ExecutionException.class, () -> holder.done.get(10, TimeUnit.SECONDS));
            assertEquals(List.of("after"), ran);
            lane.submit(() -> ran.add("free"));
            assertEquals(List.of("after", "free"), ran);
        }
    }

    @Test
    void aClosedLaneRefuses() {
        Lane lane = new Lane(10);
        lane.close();
        assertThrows(RejectedExecutionException.class, () -> lane.submit(() -> { }));
    }

    @Test
    void reportsHowLongTheRunningTaskHasRun() throws Exception {
        Lane lane = new Lane(10);
        long[] seen = new long[1];
        lane.submit(() -> seen[0] = lane.runningNanos(System.nanoTime() + 5_000_000));
        assertTrue(seen[0] >= 5_000_000);
        assertEquals(0, lane.runningNanos(System.nanoTime()));
    }

    /**
     * Holds a lane from a thread of {@code threads}: runs {@code first}, waits for {@link #release},
     * runs {@code after}. Closing it releases the lane and stops its threads.
     */
    private static final class Holder implements AutoCloseable {
        final CountDownLatch release = new CountDownLatch(1);
        final ExecutorService threads;
        final Future<Thread> done;

        Holder(Lane lane, ExecutorService threads, Runnable first, Runnable after) throws InterruptedException {
            this.threads = threads;
            CountDownLatch holding = new CountDownLatch(1);
            done = threads.submit(() -> {
                lane.submit(() -> {
                    first.run();
                    holding.countDown();
                    awaitQuietly(release);
                    after.run();
                });
                return Thread.currentThread();
            });
            boolean held = holding.await(10, TimeUnit.SECONDS);
            if (!held) {
                close();
            }
            assertTrue(held, "the holder holds the lane");
        }

        @Override
        public void close() {
            release.countDown();
            threads.shutdownNow();
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

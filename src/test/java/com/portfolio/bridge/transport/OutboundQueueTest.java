package com.portfolio.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The queue's own rules against a wire the test completes by hand: one send in flight, order,
 * adding never waits, the two cuts (deadline, bytes) happen once, a close waits for the queue.
 * StalledReadersIT covers the same on a real Liberty WebSocket.
 */
class OutboundQueueTest {

    private final List<String> sent = new ArrayList<>();
    private final List<SendHandler> pending = new ArrayList<>();
    private final List<String> endings = new ArrayList<>();
    private final List<Runnable> retries = new ArrayList<>();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private boolean completeInline;
    private int busyFor;

    private final OutboundQueue.Wire wire = (frame, done) -> {
        if (busyFor > 0) {
            busyFor--;
            throw new IllegalStateException("writing a control frame");
        }
        sent.add((String) frame);
        if (completeInline) {
            done.onResult(new SendResult());
        } else {
            pending.add(done);
        }
    };

    private final OutboundQueue.Ending ending = new OutboundQueue.Ending() {
        @Override
        public void cut(String why, boolean stalled) {
            endings.add((stalled ? "stalled: " : "failed: ") + why);
        }

        @Override
        public void close(boolean normal) {
            endings.add(normal ? "flushed" : "closed");
        }
    };

    private OutboundQueue queue(long maxBytes, long deadlineMs) {
        return new OutboundQueue(wire, maxBytes, deadlineMs, ending, retries::add, now::get);
    }

    private void completeNext() {
        pending.remove(0).onResult(new SendResult());
    }

    @Test
    void oneSendInFlightFramesInOrderAndAddingNeverWaits() throws Exception {
        OutboundQueue queue = queue(1_000_000, 60_000);
        for (int i = 0; i < 100; i++) {
            queue.add("frame-" + i); // returns although no send has completed
        }
        assertEquals(List.of("frame-0"), sent, "one send in flight");
        for (int i = 1; i < 100; i++) {
            completeNext();
            assertEquals("frame-" + i, sent.get(i));
        }
        completeNext();
        assertEquals(100, sent.size());
        assertTrue(endings.isEmpty());
    }

    @Test
    void sendsThatCompleteOnTheCallersThreadDoNotRecurse() throws Exception {
        completeInline = true;
        OutboundQueue queue = queue(Long.MAX_VALUE, 60_000);
        for (int i = 0; i < 100_000; i++) {
            queue.add("f");
        }
        assertEquals(100_000, sent.size());
    }

    @Test
    void aTimedOutSendCutsOnceAsStalled() throws Exception {
        OutboundQueue queue = queue(1_000_000, 60_000);
        queue.add("a");
        queue.add("b");
        pending.remove(0).onResult(new SendResult(new SocketTimeoutException("Socket operation timed out")));
        assertEquals(2, endings.size());
        assertTrue(endings.get(0).equals("stalled: client stopped reading: a send missed its deadline"), endings.get(0));
        assertEquals("closed", endings.get(1), "closed at once: no send is pending any more");
        assertThrows(IOException.class, () -> queue.add("c"));
        queue.closeWhenFlushed();
        assertEquals(List.of("a"), sent, "what was queued behind the stalled send is dropped");
        assertEquals(2, endings.size(), "cut and closed once, nothing after");
    }

    @Test
    void aSendPendingPastItsDeadlineCutsAtTheNextAddEvenWithoutATimeout() throws Exception {
        OutboundQueue queue = queue(1_000_000, 50);
        queue.add("a");
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(40));
        queue.add("ping");
        assertTrue(endings.isEmpty());
        assertEquals(40, Math.round(queue.pendingSendNanos() / 1e6));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(20));
        assertThrows(IOException.class, () -> queue.add("ping"));
        assertEquals(List.of("stalled: client stopped reading: a send pending over 50 ms"), endings,
                "cut, but not closed while the send is pending");
        completeNext();
        assertEquals("closed", endings.get(1), "closed once the pending send is done");
        assertEquals(List.of("a"), sent);
    }

    @Test
    void aQueueOverItsByteLimitCutsAsStalled() throws Exception {
        OutboundQueue queue = queue(64, 60_000);
        queue.add("x".repeat(40));
        IOException refused = assertThrows(IOException.class, () -> queue.add("y".repeat(40)));
        assertTrue(refused.getMessage().contains("outbound buffer over 64 bytes"), refused.getMessage());
        assertEquals(List.of("stalled: client stopped reading: more than 64 bytes queued"), endings);
        pending.remove(0).onResult(new SendResult(new SocketTimeoutException("timed out")));
        assertEquals(List.of("stalled: client stopped reading: more than 64 bytes queued", "closed"), endings,
                "the pending send's own failure neither cuts twice nor closes twice");
    }

    @Test
    void anotherSendFailureCutsButNotAsStalled() throws Exception {
        OutboundQueue queue = queue(1_000_000, 60_000);
        queue.add("a");
        pending.remove(0).onResult(new SendResult(new IOException("Broken pipe")));
        assertEquals(2, endings.size());
        assertTrue(endings.get(0).startsWith("failed: send failed"), endings.get(0));
    }

    @Test
    void aCloseWaitsUntilWhatWasQueuedIsSent() throws Exception {
        OutboundQueue queue = queue(1_000_000, 60_000);
        queue.add("41/portfolio,");
        queue.add("last");
        queue.closeWhenFlushed();
        assertTrue(endings.isEmpty(), "not while frames are queued");
        completeNext();
        assertTrue(endings.isEmpty());
        completeNext();
        assertEquals(List.of("flushed"), endings);
        assertEquals(List.of("41/portfolio,", "last"), sent);
    }

    @Test
    void anIdleQueueClosesAtOnce() {
        OutboundQueue queue = queue(1_000_000, 60_000);
        queue.closeWhenFlushed();
        assertEquals(List.of("flushed"), endings);
    }

    @Test
    void aBusySocketIsRetriedInOrder() throws Exception {
        OutboundQueue queue = queue(1_000_000, 60_000);
        busyFor = 2;
        queue.add("a");
        queue.add("b");
        assertTrue(sent.isEmpty());
        retries.remove(0).run();
        retries.remove(0).run();
        assertEquals(List.of("a"), sent);
        completeNext();
        assertEquals(List.of("a", "b"), sent);
        assertTrue(endings.isEmpty());
    }

    @Test
    void anAbandonedQueueSaysNothingAndTakesNoMore() {
        OutboundQueue queue = queue(1_000_000, 60_000);
        queue.abandon();
        assertThrows(IOException.class, () -> queue.add("a"));
        queue.closeWhenFlushed();
        assertTrue(endings.isEmpty());
    }
}

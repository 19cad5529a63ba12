package com.portfolio.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The queue's own rules, against a socket that can be made to block: the in-container tests
 * (SlowClientIT, LeakIT) cover it on a real Liberty WebSocket, but cannot hold one send blocked
 * on purpose.
 */
class OutboundQueueTest {

    private final ExecutorService writers = Executors.newFixedThreadPool(2);
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final CountDownLatch sendBlocked = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger cuts = new AtomicInteger();
    private final CountDownLatch allSent = new CountDownLatch(101);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    @AfterEach
    void stop() {
        release.countDown();
        writers.shutdownNow();
    }

    /** A remote whose send of a frame starting with "block" waits until the test releases it. */
    private RemoteEndpoint.Basic remote() {
        return (RemoteEndpoint.Basic) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RemoteEndpoint.Basic.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText")) {
                        String text = (String) args[0];
                        if (text.startsWith("block")) {
                            sendBlocked.countDown();
                            release.await();
                        }
                        sent.add(text);
                        allSent.countDown();
                    }
                    return null;
                });
    }

    private OutboundQueue queue(long maxBytes, long stallMs) {
        return new OutboundQueue(remote(), () -> true, writers, maxBytes, stallMs, cuts::incrementAndGet, now::get);
    }

    @Test
    @Timeout(10) // an add that waited for the blocked send would hang here
    void framesGoOutInOrderAndAddingNeverWaitsForABlockedSend() throws Exception {
        OutboundQueue queue = queue(1_000_000, 60_000);
        queue.add("block-0");
        assertTrue(sendBlocked.await(5, TimeUnit.SECONDS));
        for (int i = 1; i <= 100; i++) {
            queue.add("frame-" + i); // returns at once although the socket's send is blocked
        }
        release.countDown();
        assertTrue(allSent.await(5, TimeUnit.SECONDS));
        assertEquals("block-0", sent.get(0));
        for (int i = 1; i <= 100; i++) {
            assertEquals("frame-" + i, sent.get(i));
        }
        assertEquals(0, cuts.get());
    }

    @Test
    void aSendBlockedPastTheStallLimitCutsTheConnectionOnce() throws Exception {
        OutboundQueue queue = queue(1_000_000, 50);
        queue.add("block-0");
        assertTrue(sendBlocked.await(5, TimeUnit.SECONDS));
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(40));
        queue.add("ping"); // blocked 40 ms: under the limit, queued
        assertEquals(0, cuts.get());
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(20));
        IOException refused = assertThrows(IOException.class, () -> queue.add("ping"));
        assertTrue(refused.getMessage().contains("blocked over 50 ms"), refused.getMessage());
        assertThrows(IOException.class, () -> queue.add("more"));
        assertEquals(1, cuts.get(), "cut once, however many frames follow");
    }

    @Test
    void aQueueOverItsByteLimitCutsTheConnection() throws Exception {
        OutboundQueue queue = queue(64, 60_000);
        queue.add("block-0");
        assertTrue(sendBlocked.await(5, TimeUnit.SECONDS));
        queue.add("x".repeat(40));
        IOException refused = assertThrows(IOException.class, () -> queue.add("y".repeat(40)));
        assertTrue(refused.getMessage().contains("outbound buffer over 64 bytes"), refused.getMessage());
        assertEquals(1, cuts.get());
    }

}

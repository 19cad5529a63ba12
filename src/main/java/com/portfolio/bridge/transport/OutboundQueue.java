package com.portfolio.bridge.transport;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Non-blocking writes for one WebSocket: frames queue here and go out one async send at a
 * time. A client that stops reading only grows its own queue; past {@code maxBytes} the
 * connection is handed to {@code onOverflow} instead of stalling the broadcaster (which holds
 * the engine's connection lock while it writes).
 */
final class OutboundQueue {

    private static final ThreadLocal<Boolean> SENDING_HERE = ThreadLocal.withInitial(() -> false);

    private final RemoteEndpoint.Async remote;
    private final long maxBytes;
    private final Runnable onOverflow;
    private final Queue<Object> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();

    OutboundQueue(RemoteEndpoint.Async remote, long maxBytes, Runnable onOverflow) {
        this.remote = remote;
        this.maxBytes = maxBytes;
        this.onOverflow = onOverflow;
    }

    void add(Object frame) throws IOException {
        if (failed.get()) {
            throw new IOException("connection is closing");
        }
        if (queuedBytes.addAndGet(size(frame)) > maxBytes) {
            if (failed.compareAndSet(false, true)) {
                onOverflow.run();
            }
            throw new IOException("outbound buffer over " + maxBytes + " bytes");
        }
        frames.add(frame);
        drain();
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** One thread at a time runs the send loop; the others leave their frame in the queue. */
    private void drain() {
        while (sending.compareAndSet(false, true)) {
            if (sendLoop()) {
                return;
            }
            sending.set(false);
            if (frames.isEmpty()) {
                return;
            }
        }
    }

    /**
     * Sends queued frames while sends complete inline (no recursion, however long the queue).
     * @return true when a send is left in flight; its callback continues the loop
     */
    private boolean sendLoop() {
        Object frame;
        while ((frame = frames.poll()) != null) {
            Object sent = frame;
            SendResult[] inline = new SendResult[1];
            SENDING_HERE.set(true);
            try {
                send(sent, result -> {
                    if (SENDING_HERE.get()) {
                        inline[0] = result;
                    } else {
                        completed(sent, result);
                        sending.set(false);
                        drain();
                    }
                });
            } finally {
                SENDING_HERE.set(false);
            }
            if (inline[0] == null) {
                return true;
            }
            completed(sent, inline[0]);
        }
        return false;
    }

    private void completed(Object frame, SendResult result) {
        queuedBytes.addAndGet(-size(frame));
        if (!result.isOK()) {
            failed.set(true);
            frames.clear();
        }
    }

    private void send(Object frame, jakarta.websocket.SendHandler handler) {
        if (frame instanceof String text) {
            remote.sendText(text, handler);
        } else {
            remote.sendBinary(ByteBuffer.wrap((byte[]) frame), handler);
        }
    }

    private static long size(Object frame) {
        return frame instanceof String text ? text.length() : ((byte[]) frame).length;
    }
}

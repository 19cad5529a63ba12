package com.portfolio.bridge.transport;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Writes for one WebSocket without ever holding a thread: frames queue here and go out one
 * asynchronous send at a time, each with a deadline ({@link Wire}). Whoever adds a frame (a
 * broadcaster holding the engine's connection lock) never waits. A client that stops reading
 * only grows its own queue; past {@code maxBytes} queued, or when a send misses its deadline, it
 * is {@link Ending#cut cut}. A close asked for by the engine waits until what is queued is sent.
 * The WebSocket itself is only ever closed with no send pending: Liberty's close waits 5.5 s for
 * a pending write and then never completes its handler.
 */
final class OutboundQueue {

    /** One asynchronous send with a deadline; its handler fails with a timeout past the deadline. */
    interface Wire {
        void send(Object frame, SendHandler done);
    }

    /** How a queue ends: {@code cut} at most once, then {@code close} once, when no send is pending. */
    interface Ending {
        /** The client stopped reading ({@code stalled}) or the socket failed: drop it from the engine now. */
        void cut(String why, boolean stalled);

        /** Close the WebSocket: {@code normal} after a flushed close, else after a cut. */
        void close(boolean normal);
    }

    // Liberty refuses a send while it writes a control frame of its own; try again shortly, a few times.
    private static final int BUSY_RETRIES = 200;

    private final Wire wire;
    private final long maxBytes;
    private final long deadlineNanos;
    private final Ending ending;
    private final Consumer<Runnable> retryLater;
    private final LongSupplier clock;
    private final Deque<Object> frames = new ConcurrentLinkedDeque<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean sending = new AtomicBoolean();
    private final AtomicBoolean ended = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean closing;
    private volatile boolean closeWhenIdle;
    private volatile long sendStartedNanos;
    private volatile Thread issuing;
    private volatile boolean completedInline;
    private int busyRetries;

    /**
     * @param deadlineMs how long a send may take before its timeout must have fired (Liberty's is
     *        about a second coarser than set: the caller adds that grace)
     * @param clock nanoseconds, as {@link System#nanoTime()} (tests pass their own)
     */
    OutboundQueue(Wire wire, long maxBytes, long deadlineMs, Ending ending, Consumer<Runnable> retryLater,
            LongSupplier clock) {
        this.wire = wire;
        this.maxBytes = maxBytes;
        this.deadlineNanos = TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        this.ending = ending;
        this.retryLater = retryLater;
        this.clock = clock;
    }

    void add(Object frame) throws IOException {
        if (ended.get()) {
            throw new IOException("connection is closing");
        }
        if (queuedBytes.addAndGet(size(frame)) > maxBytes) {
            fail("client stopped reading: more than " + maxBytes + " bytes queued", true);
            throw new IOException("outbound buffer over " + maxBytes + " bytes");
        }
        if (pendingSendNanos() > deadlineNanos) {
            // The send's own timeout should have fired by now; do not wait for it any longer.
            fail("client stopped reading: a send pending over " + TimeUnit.NANOSECONDS.toMillis(deadlineNanos) + " ms", true);
            throw new IOException("a send missed its deadline");
        }
        frames.add(frame);
        pump();
    }

    /** Asks for a normal {@link Ending#close} once everything queued so far is sent. */
    void closeWhenFlushed() {
        closing = true;
        pump();
    }

    /** The socket is gone (closed by the client or by Liberty): drop what is queued, say nothing. */
    void abandon() {
        ended.set(true);
        frames.clear();
        queuedBytes.set(0);
    }

    long queuedBytes() {
        return queuedBytes.get();
    }

    /** How long the send in flight has been pending, 0 when none is. */
    long pendingSendNanos() {
        long started = sendStartedNanos;
        return started == 0 ? 0 : clock.getAsLong() - started;
    }

    /** One sender at a time: whoever wins the flag sends the next frame; its completion goes on. */
    private void pump() {
        while (!ended.get() && sending.compareAndSet(false, true)) {
            Object frame = frames.poll();
            if (frame == null) {
                sending.set(false);
                if (!frames.isEmpty()) {
                    continue; // added between the poll and the flag dropping
                }
                if (closing && ended.compareAndSet(false, true) && closed.compareAndSet(false, true)) {
                    ending.close(true);
                }
                return;
            }
            if (!start(frame)) {
                return; // in flight: its completion pumps again
            }
        }
    }

    /** @return true if the send completed on this thread, so the caller goes on with the next */
    private boolean start(Object frame) {
        completedInline = false;
        issuing = Thread.currentThread();
        sendStartedNanos = clock.getAsLong() | 1;
        try {
            wire.send(frame, result -> completed(frame, result));
        } catch (IllegalStateException busy) {
            sendStartedNanos = 0;
            if (++busyRetries > BUSY_RETRIES) {
                fail("WebSocket stayed busy: " + busy.getMessage(), false);
            } else {
                frames.addFirst(frame);
                sending.set(false);
                retryLater.accept(this::pump);
            }
            return false;
        } catch (RuntimeException e) {
            sendStartedNanos = 0;
            fail("send failed: " + e, false);
            return false;
        } finally {
            issuing = null;
        }
        return completedInline;
    }

    private void completed(Object frame, SendResult result) {
        sendStartedNanos = 0;
        if (closeWhenIdle) {
            closeOnce();
            return;
        }
        queuedBytes.addAndGet(-size(frame));
        if (!result.isOK()) {
            Throwable failure = result.getException();
            boolean timeout = WriteTimeouts.isTimeout(failure);
            fail(timeout ? "client stopped reading: a send missed its deadline" : "send failed: " + failure, timeout);
            return;
        }
        busyRetries = 0;
        sending.set(false);
        if (Thread.currentThread() == issuing) {
            completedInline = true;
        } else {
            pump();
        }
    }

    private void fail(String why, boolean stalled) {
        if (ended.compareAndSet(false, true)) {
            frames.clear();
            queuedBytes.set(0);
            ending.cut(why, stalled);
            // Both fields volatile: either this sees no send pending, or the completion sees the flag.
            closeWhenIdle = true;
            if (sendStartedNanos == 0) {
                closeOnce();
            }
        }
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            ending.close(false);
        }
    }

    private static long size(Object frame) {
        return frame instanceof String text ? text.length() : ((byte[]) frame).length;
    }
}

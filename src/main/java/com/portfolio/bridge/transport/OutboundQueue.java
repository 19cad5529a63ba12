package com.portfolio.bridge.transport;

import jakarta.websocket.RemoteEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes for one WebSocket: frames queue here and one writer thread at a time sends them, in
 * order, with blocking sends. Whoever adds a frame (a broadcaster holding the engine's connection
 * lock) never waits. A client that stops reading only blocks its own writer and grows its own
 * queue; past {@code maxBytes} queued, or one send blocked longer than the stall limit, the
 * connection is handed to {@code onOverflow}.
 */
final class OutboundQueue {

    private static final Logger LOG = Logger.getLogger(OutboundQueue.class.getName());
    // Frames one drain sends before it yields its writer thread to other connections.
    private static final int FRAMES_PER_TURN = 64;
    // Liberty refuses a send while its own control frame (pong, close) is being written.
    private static final long BUSY_RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final int BUSY_RETRIES = 200;

    private final RemoteEndpoint.Basic remote;
    private final BooleanSupplier open;
    private final Executor writers;
    private final long maxBytes;
    private final long stallNanos;
    private final Runnable onOverflow;
    private final LongSupplier clock;
    private final Queue<Object> frames = new ConcurrentLinkedQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean failed = new AtomicBoolean();
    private volatile long sendStartedNanos;

    OutboundQueue(RemoteEndpoint.Basic remote, BooleanSupplier open, Executor writers, long maxBytes,
            long stallMs, Runnable onOverflow) {
        this(remote, open, writers, maxBytes, stallMs, onOverflow, System::nanoTime);
    }

    /** @param clock nanoseconds, as {@link System#nanoTime()} (tests pass their own) */
    OutboundQueue(RemoteEndpoint.Basic remote, BooleanSupplier open, Executor writers, long maxBytes,
            long stallMs, Runnable onOverflow, LongSupplier clock) {
        this.clock = clock;
        this.remote = remote;
        this.open = open;
        this.writers = writers;
        this.maxBytes = maxBytes;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMs);
        this.onOverflow = onOverflow;
    }

    void add(Object frame) throws IOException {
        if (failed.get()) {
            throw new IOException("connection is closing");
        }
        boolean full = queuedBytes.addAndGet(size(frame)) > maxBytes;
        if (full || stalled()) {
            if (failed.compareAndSet(false, true)) {
                frames.clear();
                onOverflow.run();
            }
            throw new IOException(full ? "client is not reading: outbound buffer over " + maxBytes + " bytes"
                    : "client is not reading: a send blocked over " + TimeUnit.NANOSECONDS.toMillis(stallNanos) + " ms");
        }
        frames.add(frame);
        schedule();
    }

    private boolean stalled() {
        long started = sendStartedNanos;
        return started != 0 && clock.getAsLong() - started > stallNanos;
    }

    /** At most one drain per connection is queued or running, so frames go out in order. */
    private void schedule() {
        if (draining.compareAndSet(false, true)) {
            try {
                writers.execute(this::drain);
            } catch (RejectedExecutionException stopping) {
                draining.set(false);
                failed.set(true);
                frames.clear();
            }
        }
    }

    private void drain() {
        Object frame;
        int turn = FRAMES_PER_TURN;
        while (turn-- > 0 && !failed.get() && (frame = frames.poll()) != null) {
            send(frame);
        }
        draining.set(false);
        // A frame added after the last poll but before the flag dropped would wait otherwise.
        if (!frames.isEmpty() && !failed.get()) {
            schedule();
        }
    }

    private void send(Object frame) {
        sendStartedNanos = clock.getAsLong() | 1;
        try {
            for (int attempt = 0; ; attempt++) {
                try {
                    sendNow(frame);
                    return;
                } catch (IllegalStateException busy) {
                    if (attempt >= BUSY_RETRIES || !open.getAsBoolean()) {
                        throw new IOException("WebSocket busy or closing", busy);
                    }
                    LockSupport.parkNanos(BUSY_RETRY_NANOS);
                }
            }
        } catch (IOException e) {
            // The connection is gone or going; Liberty reports the close to the endpoint.
            LOG.log(Level.FINE, "send failed; dropping what is queued", e);
            failed.set(true);
            frames.clear();
        } finally {
            sendStartedNanos = 0;
            queuedBytes.addAndGet(-size(frame));
        }
    }

    private void sendNow(Object frame) throws IOException {
        if (frame instanceof String text) {
            remote.sendText(text);
        } else {
            remote.sendBinary(ByteBuffer.wrap((byte[]) frame));
        }
    }

    private static long size(Object frame) {
        return frame instanceof String text ? text.length() : ((byte[]) frame).length;
    }
}

package com.portfolio.bridge.transport;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One GET poll, as the engine sees it. The engine writes its answer while it holds the
 * session's lock, which every emit to that session also takes; written straight to a client
 * that stopped reading, that write would hold the lock (and a shared thread) until Liberty's
 * write timeout. So the engine writes into memory, its {@code complete()} is deferred
 * ({@link DeferredCompletion}), and the answer goes out on a {@link PollWriters} thread,
 * which completes the request when the write is done or has failed.
 */
final class PollAnswer {

    private static final Logger LOG = Logger.getLogger(PollAnswer.class.getName());

    /** What the servlet learns about the poll. */
    interface Outcome {
        /** The engine has answered: the client may send its next poll. */
        void answered();

        /** The answer could not be written (the client stopped reading, or went away). */
        void notTaken(IOException failure);
    }

    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final HttpServletResponse raw;
    private final Executor writers;
    private final Outcome outcome;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile AsyncContext context;

    PollAnswer(HttpServletRequest raw, HttpServletResponse rawResponse, Executor writers, Outcome outcome) {
        this.raw = rawResponse;
        this.writers = writers;
        this.outcome = outcome;
        this.request = new HttpServletRequestWrapper(raw) {
            @Override
            public AsyncContext startAsync() {
                return deferred(super.startAsync());
            }

            @Override
            public AsyncContext startAsync(ServletRequest req, ServletResponse res) {
                return deferred(super.startAsync(req, res));
            }

            // Once the poll went async, its state is ours to tell: the real request may already
            // be completed and recycled by the time the engine asks, right after its write.
            @Override
            public boolean isAsyncStarted() {
                return context != null || super.isAsyncStarted();
            }

            @Override
            public AsyncContext getAsyncContext() {
                AsyncContext started = context;
                return started == null ? super.getAsyncContext() : new DeferredCompletion(started);
            }
        };
        BufferedOutput body = new BufferedOutput(this::send);
        this.response = new HttpServletResponseWrapper(rawResponse) {
            @Override
            public ServletOutputStream getOutputStream() {
                return body;
            }
        };
    }

    HttpServletRequest request() {
        return request;
    }

    HttpServletResponse response() {
        return response;
    }

    /**
     * Answers with a noop if the engine has not answered and never will (its session closed
     * while this poll was being parked on it).
     */
    void answerIfForgotten() {
        if (!answered.get() && context != null) {
            raw.setContentType("text/plain; charset=UTF-8");
            raw.setContentLength(1);
            send("6".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private AsyncContext deferred(AsyncContext started) {
        context = started;
        return new DeferredCompletion(started);
    }

    private void send(byte[] body) {
        if (!answered.compareAndSet(false, true)) {
            return;
        }
        outcome.answered();
        AsyncContext started = context;
        if (started == null) {
            write(body); // a synchronous request: this is the container's own thread
            return;
        }
        Runnable writeThenComplete = () -> {
            try {
                write(body);
            } finally {
                complete(started);
            }
        };
        SessionCloser.execute(writers, writeThenComplete);
    }

    private void write(byte[] body) {
        try {
            ServletOutputStream out = raw.getOutputStream();
            out.write(body);
            out.close();
        } catch (IOException failure) {
            outcome.notTaken(failure);
        }
    }

    private static void complete(AsyncContext started) {
        try {
            started.complete();
        } catch (IllegalStateException alreadyOver) {
            // timed out or failed meanwhile: the container has finished the request itself
            LOG.log(Level.FINE, "poll already over", alreadyOver);
        }
    }
}

package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoServer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * One GET poll, as the engine sees it. The engine writes its answer while it holds the
 * session's lock, which every emit to that session also takes; so it writes into memory, the
 * {@code complete()} it calls right after is ignored, and the {@link Answer} sends the answer off
 * that lock and completes the request itself.
 */
public final class HeldPoll {

    /** Takes the engine's answer, once. */
    public interface Answer {
        /** @param started the request's real async context, or null when the engine answered synchronously */
        void ready(byte[] body, AsyncContext started);
    }

    private final HttpServletRequest request;
    private final HttpServletResponse raw;
    private final Answer answer;
    private final AtomicBoolean answered = new AtomicBoolean();
    private volatile AsyncContext context;
    private volatile AsyncContext deferred;

    public HeldPoll(HttpServletRequest rawRequest, HttpServletResponse rawResponse, Answer answer) {
        this.raw = rawResponse;
        this.answer = answer;
        this.request = new HttpServletRequestWrapper(rawRequest) {
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
                AsyncContext started = deferred;
                return started == null ? super.getAsyncContext() : started;
            }
        };
    }

    /**
     * Hands the poll to the engine. The engine looks a session up before taking its lock, so a
     * poll that races the session's close is parked on the dead transport until the async
     * timeout (3 min); once the close has run ({@code sessionGone}) nobody will answer it, so it
     * gets the noop a poll open at close time gets.
     */
    public void handle(EngineIoServer engine, BooleanSupplier sessionGone) throws IOException {
        BufferedOutput body = new BufferedOutput(this::ready);
        engine.handleRequest(request, new HttpServletResponseWrapper(raw) {
            @Override
            public ServletOutputStream getOutputStream() {
                return body;
            }
        });
        if (!answered.get() && context != null && sessionGone.getAsBoolean()) {
            raw.setContentType("text/plain; charset=UTF-8");
            raw.setContentLength(1);
            ready(Frames.NOOP.getBytes(StandardCharsets.US_ASCII));
        }
    }

    /** The poll's async context as the engine sees it: everything passes through but {@code complete()}. */
    private AsyncContext deferred(AsyncContext started) {
        deferred = (AsyncContext) Proxy.newProxyInstance(HeldPoll.class.getClassLoader(), new Class<?>[] {AsyncContext.class},
                (proxy, method, args) -> {
                    if ("complete".equals(method.getName())) {
                        return null;
                    }
                    try {
                        return method.invoke(started, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        context = started;
        return deferred;
    }

    private void ready(byte[] body) {
        if (answered.compareAndSet(false, true)) {
            answer.ready(body, context);
        }
    }
}

package com.portfolio.bridge.transport;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes WebSocket sessions on threads of its own. Closing a client that stopped answering
 * (the usual case after a heartbeat timeout: a phone that lost its network) can block; on the
 * engine's timer or a broadcaster, or on Liberty's shared executor, that stalled everyone.
 */
@ApplicationScoped
public class SessionCloser {

    private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());
    private static final int THREADS = 8;

    @Resource
    private ManagedThreadFactory threads;

    private ExecutorService closers;

    @PostConstruct
    void start() {
        closers = Executors.newFixedThreadPool(THREADS, threads);
    }

    @PreDestroy
    void stop() {
        closers.shutdownNow();
    }

    void close(Session session, CloseReason reason) {
        close(session, reason, () -> { });
    }

    /** Runs {@code first} (e.g. telling the engine) on the closing thread, then closes. */
    void close(Session session, CloseReason reason, Runnable first) {
        Runnable task = () -> {
            first.run();
            closeNow(session, reason);
        };
        try {
            closers.execute(task);
        } catch (RejectedExecutionException stopping) {
            task.run();
        }
    }

    private static void closeNow(Session session, CloseReason reason) {
        long started = System.nanoTime();
        try {
            if (session.isOpen()) {
                session.close(reason);
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing WebSocket session " + session.getId(), e);
        }
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        if (tookMs > 1000) {
            LOG.info(() -> "closing WebSocket session " + session.getId() + " took " + tookMs + " ms");
        }
    }
}

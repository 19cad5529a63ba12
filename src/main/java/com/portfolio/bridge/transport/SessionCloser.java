package com.portfolio.bridge.transport;

import com.portfolio.bridge.vocabulary.NamedThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Closes WebSocket sessions on threads of their own, never on a broadcaster, a send completion
 * or Liberty's shared executor: Liberty writes the close frame synchronously and waits up to
 * 5.5 s for a peer that does not take it (and up to 3 s for a pending read). Those waits are
 * bounded, so a pool that grows to {@value #THREADS} threads and shrinks when idle is enough:
 * a storm of N clients that stopped reading releases its sockets within about N / 128 x 5.5 s.
 */
@ApplicationScoped
public class SessionCloser {

    private static final Logger LOG = Logger.getLogger(SessionCloser.class.getName());
    private static final int THREADS = 128;

    @Resource
    private ManagedThreadFactory threads;

    @Resource
    private ManagedExecutorService work;

    private ThreadPoolExecutor closers;
    private Executor shortly;

    @PostConstruct
    void start() {
        closers = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                NamedThreads.of(threads, "portfolio-websocket-closer-"));
        closers.allowCoreThreadTimeOut(true);
        shortly = CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS, work);
    }

    @PreDestroy
    void stop() {
        closers.shutdownNow();
    }

    void close(Session session, CloseReason reason) {
        execute(closers, () -> closeNow(session, reason));
    }

    /** Tells the engine a connection is gone, off the caller's thread (which may hold the engine's lock). */
    void tellEngine(Runnable task) {
        execute(work, task);
    }

    /** Runs a task a millisecond from now (a send Liberty refused while it wrote a frame of its own). */
    void retryShortly(Runnable task) {
        execute(shortly, task);
    }

    /** Runs {@code task} on {@code executor}, or here when the application is stopping. */
    static void execute(Executor executor, Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException | IllegalThreadStateException stopping) {
            // The application is stopping: its pool is shut, or its thread factory refuses
            // new threads (seen at undeploy). The close must still happen.
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

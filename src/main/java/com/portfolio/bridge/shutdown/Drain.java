package com.portfolio.bridge.shutdown;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.transport.Admission;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Logger;

/**
 * Empties a node before it stops: readiness goes DOWN and new sessions are refused at once,
 * then the open connections are closed a few at a time across {@code portfolio.shutdown.grace-ms},
 * in random order, so their clients reconnect (elsewhere, through the load balancer) spread out
 * rather than all in the same second. A connection sent away has its session kept for recovery
 * at once (its transport may end later, or never, before the node stops), and the drain waits for
 * that to reach the other nodes, so each client resumes on its new node with everything it
 * missed. The bus keeps feeding the node's clients until they go.
 */
@ApplicationScoped
public class Drain {

    private static final Logger LOG = Logger.getLogger(Drain.class.getName());
    private static final long TICK_MS = 50;
    private static final long SETTLE_MS = 3_000;
    // A closed poller whose client already left never polls again; the sweep finishes it anyway.
    private static final long CLOSE_WAIT_MS = 1_000;
    // The spread takes the first 90% of the grace: the rest is headroom for a busy node's late
    // ticks and the last close frames, so every client is told within the grace.
    private static final int SPREAD_PERCENT = 90;

    @EJB
    private PortfolioNamespace namespace;

    @Inject
    private BridgeConfig config;

    @Inject
    private Admission admission;

    private volatile boolean draining;
    private final CountDownLatch done = new CountDownLatch(1);

    public boolean draining() {
        return draining;
    }

    /** {@link #run(long)} over {@code portfolio.shutdown.grace-ms}. */
    public void run() {
        run(config.shutdownGraceMs());
    }

    /**
     * Runs the drain on the calling thread; returns when every connection is closed and announced.
     * Once only: a later caller (SIGTERM's drain, then Liberty's quiesce) waits for the first.
     */
    public void run(long graceMs) {
        synchronized (this) {
            if (draining) {
                awaitDone(graceMs + SETTLE_MS + CLOSE_WAIT_MS);
                return;
            }
            draining = true;
        }
        admission.refuseNewSessions();
        try {
            drain(graceMs);
        } finally {
            done.countDown();
        }
    }

    private void awaitDone(long ms) {
        try {
            done.await(ms, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain(long graceMs) {
        long spreadNanos = TimeUnit.MILLISECONDS.toNanos(graceMs) * SPREAD_PERCENT / 100;
        List<String> open = new ArrayList<>(namespace.openConnectionIds());
        Collections.shuffle(open);
        LOG.info(() -> "draining for shutdown: readiness DOWN, new sessions refused; closing " + open.size()
                + " connections over " + graceMs + " ms");
        long start = System.nanoTime();
        int closed = 0;
        while (closed < open.size()) {
            long elapsed = System.nanoTime() - start;
            // Connection i is due at spread * i / n: evenly spread, the last one just before its end.
            int due = spreadNanos == 0 ? open.size() : (int) Math.min(open.size(), (elapsed * open.size()) / spreadNanos + 1);
            for (; closed < due; closed++) {
                namespace.sendAway(open.get(closed));
            }
            if (closed < open.size()) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MS));
            }
        }
        // Anything that slipped in while the list was taken.
        namespace.openConnectionIds().forEach(namespace::sendAway);
        settle();
        awaitClosed();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        LOG.info(() -> "drained in " + tookMs + " ms; " + namespace.openConnections() + " connections still closing");
    }

    // A WebSocket's close frame, or a poll's close packet, still has to go out before Liberty stops.
    private void awaitClosed() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(CLOSE_WAIT_MS);
        while (namespace.openConnections() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(TICK_MS));
        }
    }

    // The kept sessions must reach the other nodes before this one says goodbye, or a client
    // that lands there cannot be restored.
    private void settle() {
        try {
            namespace.announcementsFlushed().toCompletableFuture().get(SETTLE_MS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.warning(() -> "drain: the last room changes were not announced within " + SETTLE_MS
                    + " ms; clients that land on another node may not be recovered");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
            LOG.warning(() -> "drain: announcing the last room changes failed: " + e.getCause());
        }
    }
}

package com.portfolio.bridge.shutdown;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Takes SIGTERM (what Kubernetes, Docker and systemd send) ahead of the JVM's own handler: Liberty's
 * shutdown would stop listening and close every WebSocket at once, before any application code runs.
 * The drain runs first, then the JVM's handler exits as it would have (status 143, shutdown hooks,
 * Liberty stops). A second SIGTERM during the drain exits at once. Restored when the app stops, so
 * a redeployed or stopped app leaves the server's signal handling as it found it.
 */
@Singleton
@Startup
public class TermSignal {

    private static final Logger LOG = Logger.getLogger(TermSignal.class.getName());
    private static final Signal TERM = new Signal("TERM");

    @Inject
    private Drain drain;

    private final AtomicBoolean started = new AtomicBoolean();
    private SignalHandler previous;

    @PostConstruct
    void install() {
        try {
            previous = Signal.handle(TERM, this::onTerm);
        } catch (IllegalArgumentException e) {
            // -Xrs, or a platform without it: Liberty's own stop (connections closed at once) remains.
            LOG.warning(() -> "SIGTERM cannot be taken (" + e.getMessage() + "): stopping will not drain");
        }
    }

    private void onTerm(Signal signal) {
        if (!started.compareAndSet(false, true)) {
            LOG.info("second SIGTERM: stopping without waiting for the drain");
            exit(signal);
            return;
        }
        Thread drainer = new Thread(() -> {
            try {
                drain.run();
            } catch (RuntimeException e) {
                LOG.log(java.util.logging.Level.WARNING, "drain failed; stopping anyway", e);
            } finally {
                exit(signal);
            }
        }, "portfolio-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    private void exit(Signal signal) {
        if (previous == null || previous == SignalHandler.SIG_DFL || previous == SignalHandler.SIG_IGN) {
            System.exit(128 + signal.getNumber());
        } else {
            previous.handle(signal);
        }
    }

    @PreDestroy
    void restore() {
        if (previous != null && !started.get()) {
            Signal.handle(TERM, previous);
        }
    }
}

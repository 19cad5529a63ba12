package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.config.ConnectionCap;
import com.sun.management.UnixOperatingSystemMXBean;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The node's connection cap: a wall below the open-file limit, so a reconnect storm is refused
 * with 503 instead of exhausting descriptors (where accept() fails for everyone and Liberty's
 * file monitors misread the app as gone). New sessions only: held clients are never touched.
 * The drain closes this door for good when the node stops.
 */
@ApplicationScoped
public class Admission {

    private static final Logger LOG = Logger.getLogger(Admission.class.getName());
    private static final long FILES_SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    @Inject
    private BridgeConfig config;

    @Inject
    private EngineAccess engines;

    // The open-file counts, where the platform gives them (null elsewhere).
    private final UnixOperatingSystemMXBean files =
            ManagementFactory.getOperatingSystemMXBean() instanceof UnixOperatingSystemMXBean unix ? unix : null;
    private volatile long filesSampledAt;
    private volatile long openFiles;
    private final AtomicBoolean wasFull = new AtomicBoolean();
    private volatile boolean shuttingDown;
    private ConnectionCap cap;

    @PostConstruct
    void start() {
        long fileLimit = files == null ? Long.MAX_VALUE : files.getMaxFileDescriptorCount();
        cap = ConnectionCap.derive(config.limits().maxConnections(), fileLimit, config.limits().descriptorReserve());
        LOG.info(() -> "admitting at most " + cap.maxConnections() + " connections (open-file limit "
                + (cap.openFileLimit() == Long.MAX_VALUE ? "unknown" : cap.openFileLimit()) + ", reserve "
                + cap.reserve() + ")");
    }

    /** From now on every new session is refused: the node is draining for shutdown. Never undone. */
    public void refuseNewSessions() {
        shuttingDown = true;
    }

    public boolean shuttingDown() {
        return shuttingDown;
    }

    public ConnectionCap cap() {
        return cap;
    }

    public int connections() {
        return engines.requests().openCount();
    }

    /** True when a new session would go past the cap or too near the open-file limit. */
    public boolean full() {
        int connections = connections();
        long open = openFiles();
        boolean full = connections >= cap.maxConnections() || open >= cap.descriptorCeiling();
        if (wasFull.compareAndSet(!full, full)) {
            if (full) {
                LOG.warning(() -> "at the connection cap: refusing new sessions with 503 (" + connections + " connections, "
                        + open + " open files; cap " + cap.maxConnections() + ", file ceiling " + cap.descriptorCeiling() + ")");
            } else {
                LOG.info(() -> "below the connection cap again: admitting new sessions (" + connections + " connections)");
            }
        }
        return full;
    }

    /** Open descriptors as of at most 200 ms ago (0 where unknown): counting them lists /proc/self/fd. */
    private long openFiles() {
        long now = System.nanoTime();
        if (files != null && now - filesSampledAt > FILES_SAMPLE_NANOS) {
            openFiles = files.getOpenFileDescriptorCount();
            filesSampledAt = now;
        }
        return openFiles;
    }
}

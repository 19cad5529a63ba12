package com.portfolio.bridge.bus;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Says once what keeps this node from the broker, naming the setting to fix, and once when the
 * bus answers again. The Artemis client logs a stack trace per connection attempt (every
 * consumer, every second, for as long as a TLS setting is wrong); while installed, its records
 * that this class can name are replaced by that one line and counted.
 */
@ApplicationScoped
public class BrokerTroubleLog {

    private static final Logger LOG = Logger.getLogger(BrokerTroubleLog.class.getName());
    private static final List<String> CLIENT_LOGGERS = List.of(
            "org.apache.activemq.artemis.core.client", "org.apache.activemq.artemis.ra.ActiveMQRALogger");

    // JUL holds loggers weakly: a filter on a collected logger would be lost.
    private final List<Logger> filtered = new ArrayList<>();
    private final Set<BrokerTrouble> said = EnumSet.noneOf(BrokerTrouble.class);
    private final AtomicLong quieted = new AtomicLong();
    private boolean unreachableSaid;

    synchronized void install() {
        for (String name : CLIENT_LOGGERS) {
            Logger logger = Logger.getLogger(name);
            logger.setFilter(this::admit);
            filtered.add(logger);
        }
    }

    // The loggers outlive the application: a filter left behind would pin its class loader.
    synchronized void uninstall() {
        filtered.forEach(logger -> logger.setFilter(null));
        filtered.clear();
    }

    boolean admit(LogRecord record) {
        BrokerTrouble trouble = record.getThrown() == null ? null : BrokerTrouble.of(record.getThrown());
        if (trouble == null) {
            return true;
        }
        quieted.incrementAndGet();
        say(trouble, record.getThrown());
        return false;
    }

    /** A send or connect of this node's own failed. */
    void failed(RuntimeException failure) {
        BrokerTrouble trouble = BrokerTrouble.of(failure);
        if (trouble != null) {
            say(trouble, failure);
            return;
        }
        synchronized (this) {
            if (unreachableSaid || !said.isEmpty()) {
                return;
            }
            unreachableSaid = true;
        }
        LOG.warning(() -> "cannot reach the bus: " + failure.getMessage() + "; retrying (readiness data: connected=false)");
    }

    /** This node's own send went through: the bus answers. */
    void reached() {
        synchronized (this) {
            if (said.isEmpty() && !unreachableSaid) {
                return;
            }
            said.clear();
            unreachableSaid = false;
        }
        LOG.info(() -> "the bus answers again (" + quieted.getAndSet(0) + " repeated client errors were not logged)");
    }

    /** Client errors replaced by a line of this class since the bus last answered. */
    public long quieted() {
        return quieted.get();
    }

    private void say(BrokerTrouble trouble, Throwable failure) {
        synchronized (this) {
            // A dropped set-up is inferred; after a TLS failure already named it is a consequence (seen under load).
            boolean consequence = trouble == BrokerTrouble.DROPPED_DURING_SETUP && !said.isEmpty();
            if (consequence || !said.add(trouble)) {
                return;
            }
        }
        LOG.severe(() -> "cannot connect to the broker: " + trouble.advice() + ". The client says: " + deepest(failure)
                + ". Retrying; repeats of this error are not logged");
    }

    private static String deepest(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}

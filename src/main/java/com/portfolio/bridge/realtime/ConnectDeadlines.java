package com.portfolio.bridge.realtime;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Closes each connection that has no /portfolio socket at the CONNECT timeout — never admitted,
 * or admitted and gone from the namespace — and one whose socket leaves the namespace after it.
 * Closing here, a second before the library would, is the point: the library's own timeout drops
 * every "close" listener first, so the connection would be held forever. State: {@link Connection}.
 */
final class ConnectDeadlines {

    private static final Logger LOG = Logger.getLogger(ConnectDeadlines.class.getName());

    private final ScheduledExecutorService scheduler;
    private final long timeoutMs;

    ConnectDeadlines(ScheduledExecutorService scheduler, long timeoutMs) {
        this.scheduler = scheduler;
        this.timeoutMs = timeoutMs;
    }

    void start(Connection connection) {
        connection.deadlinePending = true;
        connection.deadline = scheduler.schedule(() -> due(connection), timeoutMs, TimeUnit.MILLISECONDS);
    }

    // No longer pending before the check, and left() sets its flag before it looks: one of the two closes.
    private void due(Connection connection) {
        connection.deadlinePending = false;
        if (connection.isOpen() && (connection.socketLeft || connection.user().isEmpty())) {
            LOG.fine(() -> "closing connection " + connection.id() + ": no /portfolio socket within " + timeoutMs + " ms");
            connection.engine().close();
        }
    }

    /** A /portfolio socket connected on the connection (again). */
    void joined(Connection connection) {
        if (connection.deadlinePending) {
            connection.socketLeft = false;
        }
    }

    /** The connection's /portfolio socket is gone, whatever the reason. */
    void left(Connection connection) {
        if (connection.deadlinePending) {
            connection.socketLeft = true;
            if (connection.deadlinePending) {
                return; // its deadline, still to run, will close it
            }
        }
        if (connection.isOpen()) {
            LOG.fine(() -> "closing connection " + connection.id() + ": its socket left /portfolio");
            connection.engine().close();
        }
    }

    void closed(Connection connection) {
        connection.deadlinePending = false;
        ScheduledFuture<?> task = connection.deadline;
        if (task != null) {
            task.cancel(false);
        }
    }
}

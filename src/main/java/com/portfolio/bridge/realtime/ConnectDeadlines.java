package com.portfolio.bridge.realtime;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Closes each connection that has no /portfolio socket at the CONNECT timeout — never admitted,
 * or admitted and gone from the namespace — and one whose socket leaves the namespace after it.
 * Closing here, a second before the library would, is the point: socket.io-server-java's own
 * timeout (it never cancels it) closes such a connection by first dropping every "close"
 * listener on it, so the engine's session map, the gate and the tracker never hear of it again
 * and the connection, its user's slot and the cap's count are held forever. It hit 1–2% of
 * 15,000 clients whose sockets left the namespace just before their connection closed.
 */
final class ConnectDeadlines {

    private static final Logger LOG = Logger.getLogger(ConnectDeadlines.class.getName());

    private final ScheduledExecutorService scheduler;
    private final long timeoutMs;
    // Connections younger than the timeout only: an entry goes when its deadline runs.
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    private static final class Pending {
        volatile boolean left;
        volatile ScheduledFuture<?> task;
    }

    ConnectDeadlines(ScheduledExecutorService scheduler, long timeoutMs) {
        this.scheduler = scheduler;
        this.timeoutMs = timeoutMs;
    }

    /** @param admitted whether the gate let a CONNECT through on the connection (by id) */
    void start(EngineIoSocket connection, Predicate<String> admitted) {
        Pending entry = new Pending();
        pending.put(connection.getId(), entry);
        entry.task = scheduler.schedule(() -> due(connection, admitted, entry), timeoutMs, TimeUnit.MILLISECONDS);
    }

    // Removed before the check, and left() sets its flag before it looks: one of the two closes.
    private void due(EngineIoSocket connection, Predicate<String> admitted, Pending entry) {
        pending.remove(connection.getId());
        if (connection.getReadyState() == ReadyState.OPEN && (entry.left || !admitted.test(connection.getId()))) {
            LOG.fine(() -> "closing connection " + connection.getId() + ": no /portfolio socket within " + timeoutMs + " ms");
            connection.close();
        }
    }

    /** A /portfolio socket connected on the connection (again). */
    void joined(EngineIoSocket connection) {
        Pending entry = pending.get(connection.getId());
        if (entry != null) {
            entry.left = false;
        }
    }

    /** The connection's /portfolio socket is gone, whatever the reason. */
    void left(EngineIoSocket connection) {
        Pending entry = pending.get(connection.getId());
        if (entry != null) {
            entry.left = true;
            if (pending.containsKey(connection.getId())) {
                return; // its deadline, still to run, will close it
            }
        }
        if (connection.getReadyState() == ReadyState.OPEN) {
            LOG.fine(() -> "closing connection " + connection.getId() + ": its socket left /portfolio");
            connection.close();
        }
    }

    void closed(String connectionId) {
        Pending entry = pending.remove(connectionId);
        ScheduledFuture<?> task = entry == null ? null : entry.task;
        if (task != null) {
            task.cancel(false);
        }
    }
}

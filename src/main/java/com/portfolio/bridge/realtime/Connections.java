package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.metrics.SocketMetrics;
import com.portfolio.bridge.socketio.Sockets;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The open Engine.IO connections, one {@link Connection} each, and how many each user holds
 * (bounded). A connection enters on its open and leaves on its close event — or, if that event
 * was lost, at the sweep — through {@link #closed}, the one way out.
 */
final class Connections {

    private static final Logger LOG = Logger.getLogger(Connections.class.getName());

    private final Map<String, Connection> open = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final AtomicInteger connectedSockets = new AtomicInteger();
    private final int maxPerUser;
    private final SocketMetrics metrics;
    private final ConnectDeadlines deadlines;
    private final Consumer<Connection> onClosed;

    /** @param onClosed what else must let go of a connection when it closes */
    Connections(int maxPerUser, SocketMetrics metrics, ConnectDeadlines deadlines, Consumer<Connection> onClosed) {
        this.maxPerUser = maxPerUser;
        this.metrics = metrics;
        this.deadlines = deadlines;
        this.onClosed = onClosed;
    }

    void opened(EngineIoSocket engine) {
        Connection connection = new Connection(engine, Sockets.openedOnWebSocket(engine));
        open.put(engine.getId(), connection);
        engine.on("upgrade", (Emitter.Listener) args -> connection.upgraded());
        engine.on("close", (Emitter.Listener) args -> closed(connection));
        deadlines.start(connection);
    }

    // The one way out: whatever knows the connection forgets it here.
    private void closed(Connection connection) {
        if (!open.remove(connection.id(), connection)) {
            return;
        }
        deadlines.closed(connection);
        release(connection);
        onClosed.accept(connection);
    }

    Optional<Connection> get(String connectionId) {
        return Optional.ofNullable(open.get(connectionId));
    }

    /** The connection a /portfolio socket is on, while it is open. */
    Optional<Connection> of(SocketIoSocket socket) {
        return Optional.ofNullable(find(socket));
    }

    /** {@link #of}, or null: for the per-socket loop of a broadcast, which allocates nothing per socket. */
    Connection find(SocketIoSocket socket) {
        return open.get(socket.getClient().getId());
    }

    Optional<AuthenticatedUser> user(String connectionId) {
        return get(connectionId).flatMap(Connection::user);
    }

    /** " (user &lt;userId&gt;)" for a log line about the connection, or "": never the token. */
    String whose(String connectionId) {
        return get(connectionId).map(Connection::whose).orElse("");
    }

    /** @return false, admitting nothing, if the user already holds the maximum */
    boolean admit(String connectionId, AuthenticatedUser user) {
        Connection connection = open.get(connectionId);
        if (connection == null) {
            return false;
        }
        if (connection.user().filter(previous -> previous.userId().equals(user.userId())).isPresent()) {
            connection.user(user);
            return true;
        }
        boolean[] reserved = {false};
        perUser.compute(user.userId(), (id, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerUser) {
                return count;
            }
            reserved[0] = true;
            return current + 1;
        });
        if (reserved[0]) {
            release(connection);
            connection.user(user);
        }
        return reserved[0];
    }

    private void release(Connection connection) {
        connection.user().ifPresent(user ->
                perUser.computeIfPresent(user.userId(), (id, count) -> count <= 1 ? null : count - 1));
        connection.user(null);
    }

    /** @return the socket's connection, for the other listeners of the same event */
    Optional<Connection> connected(SocketIoSocket socket) {
        Optional<Connection> connection = of(socket);
        connection.ifPresent(c -> {
            c.socket(socket);
            deadlines.joined(c);
        });
        connectedSockets.incrementAndGet();
        metrics.connected();
        socket.on("disconnect", args -> {
            connection.ifPresent(c -> {
                c.socket(null);
                deadlines.left(c);
            });
            connectedSockets.decrementAndGet();
            metrics.disconnected(args.length > 0 ? String.valueOf(args[0]) : "");
        });
        return connection;
    }

    /**
     * Ends a connection whose transport can no longer write: DISCONNECT for its socket (it leaves
     * its rooms; the client will never read it), then the close, and the close event at once,
     * since no poll will come to carry the close packet.
     */
    void cut(String connectionId) {
        Connection connection = open.get(connectionId);
        if (connection == null) {
            return;
        }
        SocketIoSocket socket = connection.socket();
        if (socket != null) {
            socket.disconnect(false);
        }
        connection.close();
        if (open.containsKey(connectionId)) {
            Sockets.finishClose(connection.engine(), "transport error");
        }
    }

    /**
     * Finishes connections that were closing or closed at the last sweep and still are here: a
     * backstop for a lost close event (see {@link Sockets#end}). Emitting it runs every cleanup
     * listener still attached; a connection still here after that had lost them (see
     * {@link ConnectDeadlines}) and is finished here, loudly. @return how many were finished
     */
    int sweep() {
        int finished = 0;
        int listenersLost = 0;
        for (Connection connection : List.copyOf(open.values())) {
            ReadyState state = connection.engine().getReadyState();
            if (state == ReadyState.OPEN || state == ReadyState.OPENING) {
                connection.notStuck();
            } else if (connection.stuckAgain()) {
                Sockets.finishClose(connection.engine(), "closed without a poll to tell");
                finished++;
                if (open.containsKey(connection.id())) {
                    closed(connection);
                    listenersLost++;
                }
            }
        }
        if (finished > 0) {
            int count = finished;
            int lost = listenersLost;
            LOG.warning(() -> count + " connections closed without their close event were finished by the sweep"
                    + (lost > 0 ? "; " + lost + " had lost their close listeners (the engine may still hold them)" : ""));
        }
        return finished;
    }

    /** True once the connection's close event has run (not merely asked to close). */
    boolean isGone(String connectionId) {
        return !open.containsKey(connectionId);
    }

    boolean isOpen(String connectionId) {
        Connection connection = open.get(connectionId);
        return connection != null && !connection.closing();
    }

    int openCount() {
        return open.size();
    }

    List<String> openIds() {
        return open.values().stream().filter(c -> !c.closing()).map(Connection::id).toList();
    }

    int connectedCount() {
        return connectedSockets.get();
    }

    /** Connected sockets whose connection is on WebSocket now (the rest poll). */
    int onWebSocketCount() {
        return (int) open.values().stream().filter(c -> c.socket() != null && c.onWebSocket()).count();
    }

    /**
     * Closes every connection still here, with no DISCONNECT first: as socket.io's own
     * {@code io.close()}, the client sees "transport close" and reconnects by itself, where "io
     * server disconnect" would leave it disconnected for good.
     */
    int closeAll() {
        List<Connection> all = List.copyOf(open.values());
        all.forEach(c -> c.engine().close());
        return all.size();
    }
}

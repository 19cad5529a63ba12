package com.portfolio.bridge.realtime;

import com.portfolio.bridge.metrics.SocketMetrics;
import com.portfolio.bridge.socketio.Sockets;
import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.socketio.server.SocketIoSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Open Engine.IO connections and connected /portfolio sockets, so shutdown can close them all,
 * and which of them are on WebSocket now, for the metrics.
 */
final class SocketTracker {

    private static final Logger LOG = Logger.getLogger(SocketTracker.class.getName());

    private final SocketMetrics metrics;
    private final ConnectDeadlines deadlines;
    private final Consumer<String> lost;
    // Connections on WebSocket: opened on it, or upgraded from polling.
    private final Set<String> onWebSocket = ConcurrentHashMap.newKeySet();

    private final Map<String, EngineIoSocket> connections = new ConcurrentHashMap<>();
    private final Map<String, SocketIoSocket> sockets = new ConcurrentHashMap<>();
    // Closed by us but not yet gone: a polling session waits for its next poll to say goodbye.
    private final Set<String> closing = ConcurrentHashMap.newKeySet();
    // Seen in CLOSING at the last sweep.
    private final Set<String> stuck = ConcurrentHashMap.newKeySet();

    /** @param lost what the other close listeners of a connection would have done (see {@link #sweep}) */
    SocketTracker(SocketMetrics metrics, ConnectDeadlines deadlines, Consumer<String> lost) {
        this.metrics = metrics;
        this.deadlines = deadlines;
        this.lost = lost;
    }

    void opened(EngineIoSocket connection) {
        connections.put(connection.getId(), connection);
        if (Sockets.openedOnWebSocket(connection)) {
            onWebSocket.add(connection.getId());
        }
        connection.on("upgrade", (Emitter.Listener) args -> onWebSocket.add(connection.getId()));
        connection.on("close", (Emitter.Listener) args -> forget(connection.getId()));
    }

    private void forget(String connectionId) {
        connections.remove(connectionId);
        onWebSocket.remove(connectionId);
        closing.remove(connectionId);
        stuck.remove(connectionId);
    }

    void connected(SocketIoSocket socket) {
        sockets.put(socket.getId(), socket);
        metrics.connected();
        deadlines.joined(socket.getClient().getConnection());
        socket.on("disconnect", args -> {
            sockets.remove(socket.getId());
            deadlines.left(socket.getClient().getConnection());
            metrics.disconnected(args.length > 0 ? String.valueOf(args[0]) : "");
        });
    }

    void close(String connectionId) {
        EngineIoSocket connection = connections.get(connectionId);
        if (connection != null) {
            closing.add(connectionId);
            connection.close();
        }
    }

    /**
     * Ends a connection whose transport can no longer write: DISCONNECT for each of its sockets
     * (they leave their rooms; the client will never read it), then the close, and the close
     * event at once, since no poll will come to carry the close packet.
     */
    void cut(String connectionId) {
        EngineIoSocket connection = connections.get(connectionId);
        if (connection == null) {
            return;
        }
        for (SocketIoSocket socket : List.copyOf(sockets.values())) {
            if (socket.getClient().getConnection() == connection) {
                socket.disconnect(false);
            }
        }
        close(connectionId);
        if (connections.containsKey(connectionId)) {
            Sockets.finishClose(connection, "transport error");
        }
    }

    /**
     * Finishes connections that were closing or closed at the last sweep and still are here:
     * a backstop for any path where the close event was lost (see {@link Sockets#end}). Emitting it
     * runs every cleanup listener still attached (the engine's session map, the Socket.IO
     * client, ours). If that leaves the connection here, its listeners were dropped (the library
     * does that when it closes a connection itself, see {@link ConnectDeadlines}): it is finished
     * here, loudly, without them.
     * @return how many were finished
     */
    int sweep() {
        int finished = 0;
        int listenersLost = 0;
        for (EngineIoSocket connection : List.copyOf(connections.values())) {
            String id = connection.getId();
            ReadyState state = connection.getReadyState();
            if (state == ReadyState.OPEN || state == ReadyState.OPENING) {
                stuck.remove(id);
            } else if (!stuck.add(id)) {
                Sockets.finishClose(connection, "closed without a poll to tell");
                finished++;
                if (connections.containsKey(id)) {
                    forget(id);
                    lost.accept(id);
                    listenersLost++;
                }
            }
        }
        if (listenersLost > 0) {
            int count = listenersLost;
            LOG.warning(() -> count + " closed connections had lost their close listeners; finished by the sweep"
                    + " (the engine may still hold them)");
        }
        return finished;
    }

    /** True once the connection's close event has run (not merely asked to close). */
    boolean isGone(String connectionId) {
        return !connections.containsKey(connectionId);
    }

    boolean isOpen(String connectionId) {
        return connections.containsKey(connectionId) && !closing.contains(connectionId);
    }

    int openCount() {
        return connections.size();
    }

    List<String> openIds() {
        return connections.keySet().stream().filter(id -> !closing.contains(id)).toList();
    }

    int connectedCount() {
        return sockets.size();
    }

    /** Connected sockets whose connection is on WebSocket now (the rest poll). */
    int onWebSocketCount() {
        int count = 0;
        for (SocketIoSocket socket : sockets.values()) {
            if (onWebSocket.contains(socket.getClient().getConnection().getId())) {
                count++;
            }
        }
        return count;
    }

    /**
     * Closes every connection still here, with no DISCONNECT first: as socket.io's own
     * {@code io.close()}, the client sees "transport close" and reconnects by itself, where "io
     * server disconnect" would leave it disconnected for good.
     */
    int closeAll() {
        List<EngineIoSocket> open = List.copyOf(connections.values());
        open.forEach(EngineIoSocket::close);
        return open.size();
    }
}

package com.portfolio.bridge.realtime;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.socketio.server.SocketIoSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Open Engine.IO connections and connected /portfolio sockets, so shutdown can close them all. */
final class SocketTracker {

    private final Map<String, EngineIoSocket> connections = new ConcurrentHashMap<>();
    private final Map<String, SocketIoSocket> sockets = new ConcurrentHashMap<>();
    // Closed by us but not yet gone: a polling session waits for its next poll to say goodbye.
    private final Set<String> closing = ConcurrentHashMap.newKeySet();

    void opened(EngineIoSocket connection) {
        connections.put(connection.getId(), connection);
        connection.on("close", (Emitter.Listener) args -> {
            connections.remove(connection.getId());
            closing.remove(connection.getId());
        });
    }

    void connected(SocketIoSocket socket) {
        sockets.put(socket.getId(), socket);
        socket.on("disconnect", args -> sockets.remove(socket.getId()));
    }

    void close(String connectionId) {
        EngineIoSocket connection = connections.get(connectionId);
        if (connection != null) {
            closing.add(connectionId);
            connection.close();
        }
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

    int connectedCount() {
        return sockets.size();
    }

    /** Disconnects every socket (clients see "io server disconnect") and closes every connection. */
    int closeAll() {
        List<SocketIoSocket> connected = List.copyOf(sockets.values());
        connected.forEach(socket -> socket.disconnect(true));
        List<EngineIoSocket> open = List.copyOf(connections.values());
        open.forEach(EngineIoSocket::close);
        return open.size();
    }
}

package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import io.socket.engineio.server.parser.Packet;
import io.socket.socketio.server.SocketIoSocket;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What the bridge does to a socket or a connection where the library's own API would get it wrong. */
public final class Sockets {

    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());

    private Sockets() {
    }

    /**
     * Sends a frame from {@link Frames} to one socket as it is, past the library's per-socket
     * encoder (a room's frame is encoded once). @return false if the socket or its connection is gone
     */
    public static boolean send(SocketIoSocket socket, Object frame) {
        if (!socket.isConnected()) {
            return false;
        }
        EngineIoSocket connection = socket.getClient().getConnection();
        if (connection.getReadyState() != ReadyState.OPEN) {
            return false;
        }
        try {
            connection.send(new Packet<>(Packet.MESSAGE, frame));
            return true;
        } catch (RuntimeException e) {
            // One broken connection must not stop the rest of the room.
            LOG.log(Level.WARNING, "send to socket " + socket.getId() + " failed", e);
            return false;
        }
    }

    /**
     * Ends a socket: DISCONNECT to the client ("io server disconnect"), then the Engine.IO close.
     * Not {@code socket.disconnect(true)}: the library's client then drops every "close"
     * listener of the connection (its own, the engine's session map, ours) before the
     * connection has closed, and the session is never forgotten.
     */
    public static void end(SocketIoSocket socket) {
        socket.disconnect(false);
        socket.getClient().getConnection().close();
    }

    /**
     * Runs the connection's close listeners now (the engine's session map, the Socket.IO client,
     * ours), for a connection that was closed but will never hear it: no poll will come to carry
     * the close packet.
     */
    public static void finishClose(EngineIoSocket connection, String reason) {
        connection.emit("close", reason, null);
    }

    /** Which transport the connection was opened on, from its handshake's query. */
    public static boolean openedOnWebSocket(EngineIoSocket connection) {
        return "websocket".equals(connection.getInitialQuery().get("transport"));
    }
}

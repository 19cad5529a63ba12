package com.portfolio.bridge.socketio;

import io.socket.engineio.server.EngineIoServer;
import io.socket.engineio.server.EngineIoWebSocket;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One WebSocket as the engine's transport, written through the bridge's {@link Outbound}. The
 * engine's first frame on a new connection is its open packet: it gains the maxPayload the
 * library leaves out and names the session. What the socket hears is fed to the engine as the
 * events its WebSocket transport listens for.
 */
public final class EngineWebSocket extends EngineIoWebSocket {

    /** Where the engine's frames go. The engine writes holding the connection's lock: never block. */
    public interface Outbound {
        /** A String or a byte[]. */
        void write(Object frame) throws IOException;

        /** The engine closes the transport: after what it wrote before (a DISCONNECT, say) has gone out. */
        void close();
    }

    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final long maxPayload;
    private final Outbound out;
    private volatile boolean opened;
    private volatile String sessionId;

    public EngineWebSocket(Map<String, String> query, Map<String, List<String>> headers, long maxPayload, Outbound out) {
        this.query = query;
        this.headers = headers;
        this.maxPayload = maxPayload;
        this.out = out;
        this.sessionId = query.get("sid");
    }

    /** Hands this WebSocket to the engine: a new connection, or the upgrade of the one in its query. */
    public void open(EngineIoServer engine) {
        engine.handleWebSocket(this);
    }

    /** The Engine.IO session id, once known: in the query of an upgrade, else in the open packet. */
    public String sessionId() {
        return sessionId;
    }

    @Override
    public Map<String, String> getQuery() {
        return query;
    }

    @Override
    public Map<String, List<String>> getConnectionHeaders() {
        return headers;
    }

    @Override
    public void write(String message) throws IOException {
        if (!opened) {
            opened = true;
            if (sessionId == null) {
                sessionId = Frames.openSid(message);
            }
            message = Frames.openWithMaxPayload(message, maxPayload);
        }
        out.write(message);
    }

    @Override
    public void write(byte[] message) throws IOException {
        out.write(message);
    }

    @Override
    public void close() {
        out.close();
    }

    /** A whole message from the client, a String or a byte[]. */
    public void received(Object message) {
        emit("message", message);
    }

    /** The socket has closed (or is to be dropped): the engine closes the connection. */
    public void closed() {
        emit("close");
    }

    public void failed(Throwable failure) {
        emit("error", "websocket error", String.valueOf(failure.getMessage()));
    }
}

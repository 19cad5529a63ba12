package com.portfolio.bridge.transport;

import io.socket.engineio.server.EngineIoWebSocket;
import jakarta.websocket.Session;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/** One Jakarta WebSocket session seen as the engine's WebSocket transport. */
final class WebSocketConnection extends EngineIoWebSocket {

    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());

    private final Session session;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;

    WebSocketConnection(Session session, Map<String, String> query, Map<String, List<String>> headers) {
        this.session = session;
        this.query = query;
        this.headers = headers;
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
        session.getBasicRemote().sendText(message);
    }

    @Override
    public void write(byte[] message) throws IOException {
        session.getBasicRemote().sendBinary(ByteBuffer.wrap(message));
    }

    @Override
    public void close() {
        try {
            if (session.isOpen()) {
                session.close();
            }
        } catch (IOException e) {
            LOG.log(Level.FINE, "closing WebSocket session " + session.getId(), e);
        }
    }
}

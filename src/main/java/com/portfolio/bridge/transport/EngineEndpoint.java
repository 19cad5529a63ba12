package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.EngineSettings;
import com.portfolio.bridge.realtime.EngineRequests;
import com.portfolio.bridge.socketio.Queries;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The WebSocket side of Engine.IO at /socket.io/ (Liberty routes upgrades here before the
 * servlet). Not a CDI bean: {@link HandshakeCapture} makes each one with the services it needs.
 */
@ServerEndpoint(value = "/socket.io/", configurator = HandshakeCapture.class)
public class EngineEndpoint {

    private static final Logger LOG = Logger.getLogger(EngineEndpoint.class.getName());

    private final WebSocketServices services;

    private WebSocketConnection connection;
    private long maxPayload;

    /** Only for the container's checks: every session's endpoint comes from {@link HandshakeCapture}. */
    public EngineEndpoint() {
        this(null);
    }

    EngineEndpoint(WebSocketServices services) {
        this.services = services;
    }

    @OnOpen
    @SuppressWarnings("unchecked")
    public void open(Session session, EndpointConfig config) throws IOException {
        Map<String, Object> properties = config.getUserProperties();
        if (Boolean.TRUE.equals(properties.get(HandshakeCapture.ORIGIN_REFUSED))) {
            LOG.info(() -> "refused WebSocket from a disallowed origin");
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "origin not allowed"));
            return;
        }
        Map<String, String> query = Queries.decode(session.getQueryString());
        if (!"4".equals(query.get("EIO"))) {
            session.close(new CloseReason(CloseReason.CloseCodes.PROTOCOL_ERROR, "unsupported protocol version"));
            return;
        }
        EngineSettings engine = services.config().engine();
        maxPayload = engine.maxPayloadBytes();
        EngineRequests requests = services.engines().requests();
        connection = new WebSocketConnection(session, query,
                (Map<String, List<String>>) properties.getOrDefault(HandshakeCapture.HEADERS, Map.of()),
                engine, services.closer(), services.openSockets(), services.metrics(), requests::describe);
        connection.engine().open(requests.engine());
    }

    /**
     * Hard ceiling on what Liberty assembles for one message, whatever maxPayload says: the
     * configured limit is applied below, once the message is whole.
     */
    static final long MAX_ASSEMBLED_BYTES = 16L * 1024 * 1024;

    @OnMessage(maxMessageSize = MAX_ASSEMBLED_BYTES)
    public void text(Session session, String message) throws IOException {
        received(session, message, message.length());
    }

    @OnMessage(maxMessageSize = MAX_ASSEMBLED_BYTES)
    public void binary(Session session, byte[] message) throws IOException {
        received(session, message, message.length);
    }

    // Liberty ignores a per-session message size set at open, so the limit is applied here.
    private void received(Session session, Object message, long size) throws IOException {
        if (connection == null) {
            return;
        }
        if (size > maxPayload) {
            LOG.info(() -> "closing WebSocket " + session.getId() + ": message of " + size + " over maxPayload");
            session.close(new CloseReason(CloseReason.CloseCodes.TOO_BIG, "message over maxPayload"));
            return;
        }
        connection.engine().received(message);
    }

    @OnClose
    public void close(Session session, CloseReason reason) {
        if (connection != null) {
            connection.gone();
        }
    }

    @OnError
    public void error(Session session, Throwable failure) {
        if (connection != null) {
            connection.engine().failed(failure);
        }
    }
}

package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.EngineSettings;
import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.socketio.Frames;
import io.socket.engineio.server.EngineIoWebSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One Jakarta WebSocket session seen as the engine's WebSocket transport. Writes never block
 * anyone: they queue in an {@link OutboundQueue} sent with asynchronous, deadlined sends; a
 * client that stops reading is cut off. The engine's close waits until what it queued is sent.
 */
final class WebSocketConnection extends EngineIoWebSocket {

    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());
    static final CloseReason SLOW_CONSUMER =
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "slow consumer: client stopped reading");
    private static final CloseReason NORMAL = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "");

    private final Session session;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final OutboundQueue outbound;
    private final OpenWebSockets open;
    private final long maxPayload;
    private volatile boolean opened;
    // The Engine.IO session id, for the logs: in the query of an upgrade, else in the open packet.
    private volatile String engineId;

    WebSocketConnection(Session session, Map<String, String> query, Map<String, List<String>> headers,
            EngineSettings limits, SessionCloser closer, OpenWebSockets open, BridgeMetrics metrics,
            java.util.function.UnaryOperator<String> describe) {
        this.engineId = query.get("sid");
        this.maxPayload = limits.maxPayloadBytes();
        this.session = session;
        this.query = query;
        this.headers = headers;
        this.open = open;
        OutboundQueue.Ending ending = new OutboundQueue.Ending() {
            @Override
            public void cut(String why, boolean stalled) {
                LOG.warning(() -> "closing the WebSocket of " + (engineId == null ? "an unopened connection" : describe.apply(engineId))
                        + ": " + why);
                if (stalled) {
                    metrics.stalledClientCut("websocket");
                }
                closer.tellEngine(() -> emit("close"));
            }

            @Override
            public void close(boolean normal) {
                open.closed(outbound());
                closer.close(session, normal ? NORMAL : SLOW_CONSUMER);
            }
        };
        this.outbound = new OutboundQueue(new AsyncWire(session.getAsyncRemote(), limits.writeStallMs()),
                limits.maxOutboundBytes(), limits.writeStallMs() + AsyncWire.TIMEOUT_GRAIN_MS, ending,
                closer::retryShortly, System::nanoTime);
        open.opened(outbound);
    }

    private OutboundQueue outbound() {
        return outbound;
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
            if (engineId == null) {
                engineId = Frames.openSid(message);
            }
            message = Frames.openWithMaxPayload(message, maxPayload);
        }
        outbound.add(message);
    }

    @Override
    public void write(byte[] message) throws IOException {
        outbound.add(message);
    }

    /** The engine closes the transport: after what it queued (a DISCONNECT, say) has gone out. */
    @Override
    public void close() {
        outbound.closeWhenFlushed();
    }

    /** Liberty closed the session (the client left, or the socket broke): drop what is queued. */
    void gone() {
        outbound.abandon();
        open.closed(outbound);
        emit("close");
    }
}

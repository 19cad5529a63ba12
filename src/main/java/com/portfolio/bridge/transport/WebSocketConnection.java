package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.EngineSettings;
import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.socketio.EngineWebSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * One Jakarta WebSocket session as the engine's WebSocket transport ({@link EngineWebSocket}).
 * Writes never block anyone: they queue in an {@link OutboundQueue} sent with asynchronous,
 * deadlined sends; a client that stops reading is cut off. The engine's close waits until what
 * it queued is sent.
 */
final class WebSocketConnection implements EngineWebSocket.Outbound {

    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());
    static final CloseReason SLOW_CONSUMER =
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "slow consumer: client stopped reading");
    private static final CloseReason NORMAL = new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "");

    private final EngineWebSocket engine;
    private final OutboundQueue outbound;
    private final OpenWebSockets open;

    WebSocketConnection(Session session, Map<String, String> query, Map<String, List<String>> headers,
            EngineSettings limits, SessionCloser closer, OpenWebSockets open, BridgeMetrics metrics,
            UnaryOperator<String> describe) {
        this.engine = new EngineWebSocket(query, headers, limits.maxPayloadBytes(), this);
        this.open = open;
        OutboundQueue.Ending ending = new OutboundQueue.Ending() {
            @Override
            public void cut(String why, boolean stalled) {
                String id = engine.sessionId();
                LOG.warning(() -> "closing the WebSocket of " + (id == null ? "an unopened connection" : describe.apply(id))
                        + ": " + why);
                if (stalled) {
                    metrics.stalledClientCut("websocket");
                }
                closer.tellEngine(engine::closed);
            }

            @Override
            public void close(boolean normal) {
                open.closed(WebSocketConnection.this.outbound);
                closer.close(session, normal ? NORMAL : SLOW_CONSUMER);
            }
        };
        this.outbound = new OutboundQueue(new AsyncWire(session.getAsyncRemote(), limits.writeStallMs()),
                limits.maxOutboundBytes(), limits.writeStallMs() + AsyncWire.TIMEOUT_GRAIN_MS, ending,
                closer::retryShortly, System::nanoTime);
        open.opened(outbound);
    }

    /** The engine's side of this WebSocket. */
    EngineWebSocket engine() {
        return engine;
    }

    @Override
    public void write(Object frame) throws IOException {
        outbound.add(frame);
    }

    @Override
    public void close() {
        outbound.closeWhenFlushed();
    }

    /** Liberty closed the session (the client left, or the socket broke): drop what is queued. */
    void gone() {
        outbound.abandon();
        open.closed(outbound);
        engine.closed();
    }
}

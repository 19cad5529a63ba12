package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.EngineSettings;
import io.socket.engineio.server.EngineIoWebSocket;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * One Jakarta WebSocket session seen as the engine's WebSocket transport. Writes never block the
 * caller: they queue in an {@link OutboundQueue} that a writer thread drains; a client whose
 * queue overflows, or whose writer stays blocked, is cut off.
 */
final class WebSocketConnection extends EngineIoWebSocket {

    private static final Logger LOG = Logger.getLogger(WebSocketConnection.class.getName());
    static final CloseReason SLOW_CONSUMER =
            new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "slow consumer: outbound buffer full");

    private final Session session;
    private final Map<String, String> query;
    private final Map<String, List<String>> headers;
    private final OutboundQueue outbound;
    private final SessionCloser closer;
    private final long maxPayload;
    private volatile boolean opened;

    WebSocketConnection(Session session, Map<String, String> query, Map<String, List<String>> headers,
            EngineSettings limits, SessionCloser closer, SocketWriters writers, TransportStats stats) {
        long maxOutboundBytes = limits.maxOutboundBytes();
        this.maxPayload = limits.maxPayloadBytes();
        this.session = session;
        this.query = query;
        this.headers = headers;
        // Cutting off runs elsewhere: the overflowing write holds the engine's connection lock.
        this.closer = closer;
        this.outbound = new OutboundQueue(session.getBasicRemote(), session::isOpen, writers.executor(),
                maxOutboundBytes, limits.writeStallMs(), () -> {
            LOG.warning(() -> "closing WebSocket " + session.getId() + ": client stopped reading, more than "
                    + maxOutboundBytes + " bytes queued or a send blocked over " + limits.writeStallMs() + " ms");
            stats.slowConsumerCut();
            // Off the writing thread: it holds the engine's connection lock.
            closer.close(session, SLOW_CONSUMER, () -> emit("close"));
        });
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
            message = OpenPacket.withMaxPayload(message, maxPayload);
        }
        outbound.add(message);
    }

    @Override
    public void write(byte[] message) throws IOException {
        outbound.add(message);
    }

    @Override
    public void close() {
        closer.close(session, new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    }
}

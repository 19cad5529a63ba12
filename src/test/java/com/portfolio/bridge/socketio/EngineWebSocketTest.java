package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socket.engineio.server.Emitter;
import io.socket.engineio.server.EngineIoSocket;
import io.socket.engineio.server.ReadyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** EngineWebSocket against the engine: the open packet gains maxPayload and names the session; what the socket hears reaches the engine. */
class EngineWebSocketTest {

    private final List<Object> written = new ArrayList<>();
    private final List<String> closes = new ArrayList<>();
    private final EngineWebSocket.Outbound outbound = new EngineWebSocket.Outbound() {
        @Override
        public void write(Object frame) {
            written.add(frame);
        }

        @Override
        public void close() {
            closes.add("close");
        }
    };

    @Test
    void theOpenPacketGainsMaxPayloadAndNamesTheSession() {
        EngineRig rig = new EngineRig();
        EngineWebSocket ws = new EngineWebSocket(EngineRig.query("EIO=4&transport=websocket"), Map.of(), 1_000, outbound);
        ws.open(rig.engine);
        JSONObject open = new JSONObject(((String) written.get(0)).substring(1));
        assertEquals(1_000, open.getLong("maxPayload"));
        assertEquals(rig.last().getId(), ws.sessionId());
    }

    @Test
    void messagesAndTheSocketsEndReachTheEngine() {
        EngineRig rig = new EngineRig();
        EngineWebSocket ws = new EngineWebSocket(EngineRig.query("EIO=4&transport=websocket"), Map.of(), 1_000, outbound);
        ws.open(rig.engine);
        EngineIoSocket connection = rig.last();
        List<Object> data = new ArrayList<>();
        connection.on("data", (Emitter.Listener) args -> data.add(args[0]));
        ws.received("42/portfolio,[\"a\"]");
        ws.received(new byte[] {1});
        assertEquals("2/portfolio,[\"a\"]", data.get(0));
        assertTrue(data.get(1) instanceof byte[]);
        connection.close();
        assertEquals(List.of("close"), closes, "the engine closes through the Outbound");
        ws.closed();
        assertEquals(ReadyState.CLOSED, connection.getReadyState());
    }
}

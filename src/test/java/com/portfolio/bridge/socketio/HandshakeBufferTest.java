package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** HandshakeBuffer against the engine: the handshake is answered synchronously, once registered, with maxPayload. */
class HandshakeBufferTest {

    @Test
    void aPollingHandshakeIsAnsweredOnceItsSessionIsRegisteredWithMaxPayload() throws IOException {
        EngineRig rig = new EngineRig();
        HttpExchange handshake = new HttpExchange("GET", "EIO=4&transport=polling");
        HandshakeBuffer.newSession(rig.engine, handshake.request(), handshake.response(), 1_000);
        JSONObject open = new JSONObject(handshake.body().substring(1));
        assertEquals(1_000, open.getLong("maxPayload"));
        assertEquals(rig.last().getId(), open.getString("sid"));
        assertFalse(handshake.log.contains("startAsync()"), "answered synchronously");
        assertTrue(handshake.log.indexOf("write") < handshake.log.indexOf("flushBuffer"), handshake.log.toString());
    }

    @Test
    void aRequestWithoutASidThatIsNotAGetGoesToTheEngineAsItIs() throws IOException {
        EngineRig rig = new EngineRig();
        HttpExchange post = HttpExchange.sync("POST", "EIO=4&transport=polling");
        HandshakeBuffer.newSession(rig.engine, post.request(), post.response(), 1_000);
        assertEquals(400, post.status);
        assertTrue(rig.connections.isEmpty());
    }
}

package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.json.JSONObject;
import org.junit.jupiter.api.Test;

/** The frames the bridge builds itself, as socket.io-client 4.x and engine.io-server 6.3.2 read and write them. */
class FramesTest {

    @Test
    void readsTheOpenPacketsSidWithOrWithoutSpaces() {
        assertEquals("2aTjX1UFPr0", Frames.openSid("0{\"sid\": \"2aTjX1UFPr0\", \"upgrades\": [], \"pingInterval\": 25000}"));
        assertEquals("abc-_1", Frames.openSid("0{\"upgrades\":[],\"sid\":\"abc-_1\"}"));
    }

    @Test
    void readsNoSidFromOtherFrames() {
        assertNull(Frames.openSid("3probe"));
        assertNull(Frames.openSid("40/portfolio,{\"sid\":\"x\"}"));
    }

    @Test
    void addsMaxPayloadToTheOpenPacketOnce() {
        String open = Frames.openWithMaxPayload("0{\"sid\":\"s\",\"pingInterval\":25000}", 1_000_000);
        assertEquals(1_000_000, new JSONObject(open.substring(1)).getLong("maxPayload"));
        assertEquals(open, Frames.openWithMaxPayload(open, 5));
        assertEquals("3probe", Frames.openWithMaxPayload("3probe", 5));
    }

    @Test
    void splicesTheDocumentVerbatimAndTheOffsetLast() {
        String open = Frames.eventOpen("/portfolio", "message:new", "{\"b\":1,  \"a\":\"é\"}");
        assertEquals("2/portfolio,[\"message:new\",{\"b\":1,  \"a\":\"é\"}]", Frames.event(open));
        assertEquals("2/portfolio,[\"message:new\",{\"b\":1,  \"a\":\"é\"},\"o1\"]", Frames.eventWithOffset(open, "o1"));
    }

    @Test
    void connectErrorCarriesTheReasonInData() {
        JSONObject error = new JSONObject(Frames.connectError("/portfolio", "unauthorized", "expired").substring("4/portfolio,".length()));
        assertEquals("unauthorized", error.getString("message"));
        assertEquals("expired", error.getJSONObject("data").getString("reason"));
        assertEquals("4{\"message\":\"Invalid namespace\"}", Frames.connectError("/", "Invalid namespace", null));
    }

    @Test
    void addsThePidToTheConnectAnswerOfItsNamespaceOnly() {
        String ack = "0/portfolio,{\"sid\":\"abc\"}";
        assertEquals(true, Frames.isConnectAck(ack, "/portfolio"));
        assertEquals(false, Frames.isConnectAck("0/other,{\"sid\":\"abc\"}", "/portfolio"));
        JSONObject answer = new JSONObject(Frames.connectAckWithPid(ack, "/portfolio", "p1").substring("0/portfolio,".length()));
        assertEquals("abc", answer.getString("sid"));
        assertEquals("p1", answer.getString("pid"));
    }
}

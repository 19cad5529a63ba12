package com.portfolio.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The session id read off the engine's open packet (for log lines), as engine.io-server 6.3.2 writes it. */
class OpenPacketTest {

    @Test
    void readsTheSidWithOrWithoutSpaces() {
        assertEquals("2aTjX1UFPr0", OpenPacket.sid("0{\"sid\": \"2aTjX1UFPr0\", \"upgrades\": [], \"pingInterval\": 25000}"));
        assertEquals("abc-_1", OpenPacket.sid("0{\"upgrades\":[],\"sid\":\"abc-_1\"}"));
    }

    @Test
    void nothingFromOtherFrames() {
        assertNull(OpenPacket.sid("3probe"));
        assertNull(OpenPacket.sid("40/portfolio,{\"sid\":\"x\"}"));
    }
}

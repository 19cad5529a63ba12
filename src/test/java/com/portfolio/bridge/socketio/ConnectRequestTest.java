package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectRequestTest {

    @Test
    void recognisesOnlyConnectFrames() {
        assertTrue(ConnectRequest.isConnect("0/portfolio,{}"));
        assertFalse(ConnectRequest.isConnect("2/portfolio,[\"x\"]"));
        assertFalse(ConnectRequest.isConnect(""));
        assertFalse(ConnectRequest.isConnect(new byte[] {'0'}));
    }

    @Test
    void parsesNamespaceAndAuth() {
        ConnectRequest request = ConnectRequest.parse("0/portfolio,{\"token\":\"abc\"}");
        assertEquals("/portfolio", request.namespace());
        assertEquals("abc", token(request));
    }

    @Test
    void parsesMainNamespaceAndMissingAuth() {
        assertEquals("/", ConnectRequest.parse("0").namespace());
        assertEquals("/", ConnectRequest.parse("0{\"token\":\"t\"}").namespace());
        assertEquals("t", token(ConnectRequest.parse("0{\"token\":\"t\"}")));
        assertNull(token(ConnectRequest.parse("0/portfolio,")));
        assertNull(token(ConnectRequest.parse("0/portfolio")));
    }

    @Test
    void ignoresANonStringToken() {
        assertNull(token(ConnectRequest.parse("0/portfolio,{\"token\":42}")));
    }

    @Test
    void refusesMalformedPayloads() {
        assertThrows(IllegalArgumentException.class, () -> ConnectRequest.parse("0/portfolio,{\"token\":"));
        assertThrows(IllegalArgumentException.class, () -> ConnectRequest.parse("0/portfolio,[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> ConnectRequest.parse("0/portfolio,{}{}"));
    }

    private static String token(ConnectRequest request) {
        return new Handshake("c", request.namespace(), request.auth(), Map.of(), Map.of()).authString("token");
    }
}

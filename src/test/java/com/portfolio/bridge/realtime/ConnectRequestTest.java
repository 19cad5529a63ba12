package com.portfolio.bridge.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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
        assertEquals("abc", request.authToken());
    }

    @Test
    void parsesMainNamespaceAndMissingAuth() {
        assertEquals("/", ConnectRequest.parse("0").namespace());
        assertEquals("/", ConnectRequest.parse("0{\"token\":\"t\"}").namespace());
        assertEquals("t", ConnectRequest.parse("0{\"token\":\"t\"}").authToken());
        assertNull(ConnectRequest.parse("0/portfolio,").authToken());
        assertNull(ConnectRequest.parse("0/portfolio").authToken());
    }

    @Test
    void ignoresANonStringToken() {
        assertNull(ConnectRequest.parse("0/portfolio,{\"token\":42}").authToken());
    }

    @Test
    void refusesMalformedPayloads() {
        assertThrows(IllegalArgumentException.class, () -> ConnectRequest.parse("0/portfolio,{\"token\":"));
        assertThrows(IllegalArgumentException.class, () -> ConnectRequest.parse("0/portfolio,[1,2]"));
        assertThrows(IllegalArgumentException.class, () -> ConnectRequest.parse("0/portfolio,{}{}"));
    }

    @Test
    void tokenSourcesPreferAuthThenBearerThenQuery() {
        ConnectRequest withAuth = ConnectRequest.parse("0/portfolio,{\"token\":\"from-auth\"}");
        ConnectRequest without = ConnectRequest.parse("0/portfolio,{}");
        Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer from-header"));
        Map<String, String> query = Map.of("token", "from-query");

        assertEquals("from-auth", TokenSources.find(withAuth, headers, query));
        assertEquals("from-header", TokenSources.find(without, headers, query));
        assertEquals("from-header", TokenSources.find(without, Map.of("authorization", List.of("bearer from-header")), query));
        assertEquals("from-query", TokenSources.find(without, Map.of("Authorization", List.of("Basic x")), query));
        assertNull(TokenSources.find(without, null, null));
    }
}

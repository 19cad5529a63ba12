package com.portfolio.bridge.realtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.portfolio.bridge.socketio.Handshake;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class TokenSourcesTest {

    @Test
    void tokenSourcesPreferAuthThenBearerThenQuery() {
        JSONObject withAuth = new JSONObject().put("token", "from-auth");
        JSONObject without = new JSONObject();
        Map<String, List<String>> headers = Map.of("Authorization", List.of("Bearer from-header"));
        Map<String, String> query = Map.of("token", "from-query");

        assertEquals("from-auth", TokenSources.find(handshake(withAuth, headers, query)));
        assertEquals("from-header", TokenSources.find(handshake(without, headers, query)));
        assertEquals("from-header", TokenSources.find(handshake(without, Map.of("authorization", List.of("bearer from-header")), query)));
        assertEquals("from-query", TokenSources.find(handshake(without, Map.of("Authorization", List.of("Basic x")), query)));
        assertNull(TokenSources.find(handshake(without, null, null)));
    }

    private static Handshake handshake(JSONObject auth, Map<String, List<String>> headers, Map<String, String> query) {
        return new Handshake("c1", "/portfolio", auth, headers, query);
    }
}

package com.portfolio.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginPolicyTest {

    private final OriginPolicy policy = new OriginPolicy(List.of("https://app.example.com", "http://localhost:*"));

    @Test
    void allowsListedOrigins() {
        assertTrue(policy.allowsCrossSite("https://app.example.com"));
        assertTrue(policy.allowsCrossSite("http://localhost:3000"));
        assertTrue(policy.allowsCrossSite("http://localhost:5173"));
    }

    @Test
    void refusesEverythingElse() {
        assertFalse(policy.allowsCrossSite(null));
        assertFalse(policy.allowsCrossSite("https://evil.example.com"));
        assertFalse(policy.allowsCrossSite("https://app.example.com.evil.net"));
        assertFalse(policy.allowsCrossSite("http://localhost"));
        assertFalse(policy.allowsCrossSite("http://localhost:3000.evil.net"));
        assertFalse(policy.allowsCrossSite("http://localhost:"));
        assertFalse(policy.allowsCrossSite("https://localhost:3000"));
    }

    @Test
    void anEmptyListAllowsNoCrossSiteOrigin() {
        assertFalse(new OriginPolicy(List.of()).allowsCrossSite("http://localhost:3000"));
    }

    @Test
    void webSocketAllowsSameOriginAndNonBrowserClients() {
        OriginPolicy none = new OriginPolicy(List.of());
        assertTrue(none.allowsConnection(null, "bridge.example.com"));
        assertTrue(none.allowsConnection("https://bridge.example.com", "bridge.example.com"));
        assertTrue(none.allowsConnection("http://localhost:9080", "localhost:9080"));
        assertFalse(none.allowsConnection("https://evil.example.com", "bridge.example.com"));
        assertFalse(none.allowsConnection("not a uri", "bridge.example.com"));
    }
}

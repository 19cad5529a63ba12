package com.portfolio.bridge.transport;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectRateLimitTest {

    @Test
    void countsPerAddress() {
        ConnectRateLimit limit = new ConnectRateLimit(3, Set.of());
        for (int i = 0; i < 3; i++) {
            assertTrue(limit.admit("10.0.0.1"));
        }
        assertFalse(limit.admit("10.0.0.1"));
        assertTrue(limit.admit("10.0.0.2"), "another address has its own budget");
    }

    @Test
    void exemptAddressesAndZeroAreUnlimited() {
        ConnectRateLimit exempt = new ConnectRateLimit(1, Set.of("10.0.0.9"));
        for (int i = 0; i < 100; i++) {
            assertTrue(exempt.admit("10.0.0.9"));
        }
        ConnectRateLimit off = new ConnectRateLimit(0, Set.of());
        for (int i = 0; i < 100; i++) {
            assertTrue(off.admit("10.0.0.1"));
        }
    }
}

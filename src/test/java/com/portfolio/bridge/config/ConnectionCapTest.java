package com.portfolio.bridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConnectionCapTest {

    @Test
    void theDefaultCapIsTheOpenFileLimitLessTheReserve() {
        ConnectionCap cap = ConnectionCap.derive(0, 20_000, 512);
        assertEquals(19_488, cap.maxConnections());
        assertEquals(19_744, cap.descriptorCeiling(), "new sessions stop while fewer than half the reserve are free");
    }

    @Test
    void aConfiguredCapBelowTheLimitHolds() {
        assertEquals(5_000, ConnectionCap.derive(5_000, 20_000, 512).maxConnections());
    }

    @Test
    void aConfiguredCapAboveWhatTheLimitAllowsIsLowered() {
        assertEquals(512, ConnectionCap.derive(100_000, 1_024, 512).maxConnections());
    }

    @Test
    void anUnknownLimitLeavesTheConfiguredCapOrNoCap() {
        assertEquals(7, ConnectionCap.derive(7, Long.MAX_VALUE, 512).maxConnections());
        assertEquals(Integer.MAX_VALUE, ConnectionCap.derive(0, Long.MAX_VALUE, 512).maxConnections());
    }

    @Test
    void aReserveAboveTheLimitStillAdmitsOne() {
        assertEquals(1, ConnectionCap.derive(0, 256, 512).maxConnections());
    }
}

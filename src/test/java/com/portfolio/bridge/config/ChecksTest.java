package com.portfolio.bridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChecksTest {

    @Test
    void positiveRefusesZeroAndNegativesNamingTheKey() {
        assertEquals(5, Checks.positive("k", 5));
        assertEquals("k must be a positive number; got 0",
                assertThrows(IllegalStateException.class, () -> Checks.positive("k", 0L)).getMessage());
    }

    @Test
    void zeroOrPositiveSaysWhatZeroMeans() {
        assertEquals(0, Checks.zeroOrPositive("portfolio.limits.max-connections", 0, "derived"));
        assertEquals("portfolio.limits.max-connections must be 0 (derived) or positive",
                assertThrows(IllegalStateException.class,
                        () -> Checks.zeroOrPositive("portfolio.limits.max-connections", -1, "derived")).getMessage());
    }
}

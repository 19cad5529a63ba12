package com.portfolio.bridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunModeTest {

    @Test
    void parsesCaseInsensitively() {
        assertEquals(RunMode.DEV, RunMode.parse(" Dev "));
        assertEquals(RunMode.PROD, RunMode.parse("prod"));
    }

    @Test
    void refusesUnknownModesClearly() {
        assertTrue(assertThrows(IllegalStateException.class, () -> RunMode.parse("staging")).getMessage()
                .startsWith("portfolio.mode must be one of dev, test, prod"));
    }
}

package com.portfolio.bridge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BusSettingsTest {

    private static BusSettings read(Map<String, String> values) {
        return BusSettings.read(key -> Optional.ofNullable(values.get(key)));
    }

    private static String refusal(Map<String, String> values) {
        return assertThrows(IllegalStateException.class, () -> read(values)).getMessage();
    }

    @Test
    void embeddedIsTheDefaultAndNeedsNoNodeId() {
        BusSettings bus = read(Map.of());
        assertEquals("embedded", bus.bus());
        assertFalse(bus.artemis());
        assertEquals("local", bus.nodeId());
        assertEquals(64, bus.lanes());
        assertEquals(15_000, bus.probeStaleAfterMs());
    }

    @Test
    void artemisRequiresAnExplicitNodeId() {
        assertTrue(refusal(Map.of("portfolio.bus", "artemis")).startsWith("portfolio.node.id (PORTFOLIO_NODE_ID) is required"));
        BusSettings bus = read(Map.of("portfolio.bus", "artemis", "portfolio.node.id", "bridge-1"));
        assertTrue(bus.artemis());
        assertEquals("bridge-1", bus.nodeId());
    }

    @Test
    void nodeIdsThatCannotNameASubscriptionAreRefused() {
        for (String bad : new String[] {"", "-leading-dash", "has space", "a/b", "x".repeat(65)}) {
            assertTrue(refusal(Map.of("portfolio.bus", "artemis", "portfolio.node.id", bad))
                    .startsWith("portfolio.node.id must be 1-64"), bad);
        }
    }

    @Test
    void unknownBusesAndNonPositiveNumbersAreRefused() {
        assertEquals("portfolio.bus must be embedded or artemis; got kafka", refusal(Map.of("portfolio.bus", "kafka")));
        assertEquals("portfolio.bus.lanes must be a positive number; got 0", refusal(Map.of("portfolio.bus.lanes", "0")));
    }
}

package com.portfolio.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A starting node probes quickly until its consumers have seen a probe, then at the interval. */
class BusProbeCadenceTest {

    @Test
    void quickUntilEveryConsumerHasSeenAProbe() {
        assertEquals(BusProbe.FIRST_PROBES_MS, BusProbe.nextProbeMs(true, false, 5_000));
        assertEquals(5_000, BusProbe.nextProbeMs(true, true, 5_000));
    }

    @Test
    void aBrokerThatRefusesIsAskedAtTheIntervalOnly() {
        assertEquals(5_000, BusProbe.nextProbeMs(false, false, 5_000));
    }

    @Test
    void neverSlowerThanAShortConfiguredInterval() {
        assertEquals(100, BusProbe.nextProbeMs(true, false, 100));
    }
}

package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/**
 * When liveness calls delivery wedged: a WebSocket send pending this long (ms; its own deadline,
 * write-stall-ms, should have cut the client well before) or one emit running this long (ms).
 * Whether a node that had reached the bus stays ready while it cannot (docs/operations.md).
 */
public record HealthSettings(long sendStuckMs, long emitStuckMs, boolean readyDuringBusOutage) {

    static HealthSettings read(Config config, EngineSettings engine) {
        long send = config.getOptionalValue("portfolio.health.send-stuck-ms", Long.class)
                .orElse(engine.writeStallMs() + 10_000);
        long emit = Checks.positive(config, "portfolio.health.emit-stuck-ms", 30_000L);
        // Liberty's send timeout fires up to about 2 s late; a bound inside that would flap.
        if (send <= engine.writeStallMs() + 2_000) {
            throw new IllegalStateException("portfolio.health.send-stuck-ms must be over portfolio.engine.write-stall-ms + 2000; got "
                    + send);
        }
        boolean readyDuringBusOutage = config.getOptionalValue("portfolio.health.ready-during-bus-outage", Boolean.class)
                .orElse(true);
        return new HealthSettings(send, emit, readyDuringBusOutage);
    }
}

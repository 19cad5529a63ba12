package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/**
 * Connection state recovery: how long a disconnected session can come back, and what each node
 * buffers for it — per room by count and bytes, and in all (rooms are unbounded in number).
 * {@code maxDisconnectionMs} 0 turns recovery off (no pid, no offsets).
 */
public record RecoverySettings(long maxDisconnectionMs, int roomEvents, long roomBytes, long totalBytes, int logEvents,
        long catchUpMs) {

    public RecoverySettings(long maxDisconnectionMs, int roomEvents, long roomBytes, long totalBytes, int logEvents) {
        this(maxDisconnectionMs, roomEvents, roomBytes, totalBytes, logEvents, 3_000);
    }

    public boolean enabled() {
        return maxDisconnectionMs > 0;
    }

    static RecoverySettings read(Config config) {
        long window = config.getOptionalValue("portfolio.recovery.max-disconnection-ms", Long.class).orElse(120_000L);
        if (window < 0) {
            throw new IllegalStateException("portfolio.recovery.max-disconnection-ms must be 0 (off) or positive; got " + window);
        }
        return new RecoverySettings(window,
                Checks.positive(config, "portfolio.recovery.room-events", 200),
                Checks.positive(config, "portfolio.recovery.room-bytes", 262_144L),
                Checks.positive(config, "portfolio.recovery.total-bytes", 67_108_864L),
                Checks.positive(config, "portfolio.recovery.log-events", 1_000_000),
                Math.max(0, config.getOptionalValue("portfolio.recovery.catch-up-ms", Long.class).orElse(3_000L)));
    }
}

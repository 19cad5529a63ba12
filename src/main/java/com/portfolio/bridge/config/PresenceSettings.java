package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/**
 * Cluster presence: how often a node announces itself, how long silence means it is gone, how
 * long a user may be away before {@code user.offline} (a brief reconnect makes no pair), and how
 * long room changes are batched before they go out (a join's acknowledgement does not wait).
 */
public record PresenceSettings(long heartbeatMs, long nodeTimeoutMs, long graceMs, long flushMs) {

    static PresenceSettings read(Config config) {
        long heartbeat = Checks.positive(config, "portfolio.presence.heartbeat-ms", 1_000L);
        long timeout = config.getOptionalValue("portfolio.presence.node-timeout-ms", Long.class).orElse(5_000L);
        long grace = config.getOptionalValue("portfolio.presence.grace-ms", Long.class).orElse(5_000L);
        // One late heartbeat must not drop a live node.
        if (timeout < 2 * heartbeat) {
            throw new IllegalStateException("portfolio.presence.node-timeout-ms must be at least twice portfolio.presence.heartbeat-ms; got "
                    + timeout + " and " + heartbeat);
        }
        if (grace < 0) {
            throw new IllegalStateException("portfolio.presence.grace-ms must be 0 (no grace) or positive; got " + grace);
        }
        long flush = Checks.positive(config, "portfolio.presence.flush-ms", 100L);
        return new PresenceSettings(heartbeat, timeout, grace, flush);
    }
}

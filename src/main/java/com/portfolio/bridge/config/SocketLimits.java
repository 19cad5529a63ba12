package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/** Per-user and per-socket limits, and whether a socket ends with its token. */
public record SocketLimits(int socketsPerUser, int conversationsPerSocket, boolean disconnectOnTokenExpiry) {

    static SocketLimits read(Config config) {
        return new SocketLimits(
                positive(config, "portfolio.limits.sockets-per-user", 20),
                positive(config, "portfolio.limits.conversations-per-socket", 100),
                config.getOptionalValue("portfolio.auth.disconnect-on-expiry", Boolean.class).orElse(true));
    }

    private static int positive(Config config, String key, int fallback) {
        int value = config.getOptionalValue(key, Integer.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalStateException(key + " must be a positive number; got " + value);
        }
        return value;
    }
}

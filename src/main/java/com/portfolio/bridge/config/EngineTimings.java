package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/** Engine.IO heartbeat and the Socket.IO CONNECT deadline, in milliseconds. */
public record EngineTimings(long pingIntervalMs, long pingTimeoutMs, long connectTimeoutMs) {

    static EngineTimings read(Config config) {
        return new EngineTimings(
                positive(config, "portfolio.engine.ping-interval-ms", 25_000),
                positive(config, "portfolio.engine.ping-timeout-ms", 20_000),
                positive(config, "portfolio.engine.connect-timeout-ms", 45_000));
    }

    private static long positive(Config config, String key, long fallback) {
        long value = config.getOptionalValue(key, Long.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalStateException(key + " must be a positive number of milliseconds; got " + value);
        }
        return value;
    }
}

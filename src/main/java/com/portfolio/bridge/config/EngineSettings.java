package com.portfolio.bridge.config;

import org.eclipse.microprofile.config.Config;

/**
 * Engine.IO limits: heartbeat and CONNECT deadline (ms), the largest packet payload a client
 * may send, how much may queue for a client that is not reading (bytes) and how long one send to
 * it may take before it is cut (ms).
 */
public record EngineSettings(long pingIntervalMs, long pingTimeoutMs, long connectTimeoutMs,
        long maxPayloadBytes, long maxOutboundBytes, long writeStallMs) {

    static EngineSettings read(Config config) {
        return new EngineSettings(
                Checks.positive(config, "portfolio.engine.ping-interval-ms", 25_000L),
                Checks.positive(config, "portfolio.engine.ping-timeout-ms", 20_000L),
                Checks.positive(config, "portfolio.engine.connect-timeout-ms", 45_000L),
                Checks.positive(config, "portfolio.engine.max-payload-bytes", 1_000_000L),
                Checks.positive(config, "portfolio.engine.max-outbound-bytes", 1_048_576L),
                Checks.positive(config, "portfolio.engine.write-stall-ms", 10_000L));
    }
}

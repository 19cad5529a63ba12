package com.portfolio.bridge.config;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Per-node, per-user, per-socket and per-IP limits, and whether a socket ends with its token.
 * {@code maxConnections} 0 means: derived from the open-file limit (see {@link ConnectionCap}).
 */
public record SocketLimits(int socketsPerUser, int conversationsPerSocket, boolean disconnectOnTokenExpiry,
        int connectsPerIpPerMinute, Set<String> connectExemptIps, int maxConnections, int descriptorReserve) {

    static SocketLimits read(Config config) {
        int perIp = config.getOptionalValue("portfolio.limits.connects-per-ip-per-minute", Integer.class).orElse(0);
        if (perIp < 0) {
            throw new IllegalStateException("portfolio.limits.connects-per-ip-per-minute must be 0 (off) or positive");
        }
        Set<String> exempt = config.getOptionalValue("portfolio.limits.connect-exempt-ips", String.class)
                .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        int maxConnections = config.getOptionalValue("portfolio.limits.max-connections", Integer.class).orElse(0);
        if (maxConnections < 0) {
            throw new IllegalStateException("portfolio.limits.max-connections must be 0 (derived) or positive");
        }
        return new SocketLimits(
                positive(config, "portfolio.limits.sockets-per-user", 20),
                positive(config, "portfolio.limits.conversations-per-socket", 100),
                config.getOptionalValue("portfolio.auth.disconnect-on-expiry", Boolean.class).orElse(true),
                perIp, exempt,
                maxConnections,
                positive(config, "portfolio.limits.descriptor-reserve", 512));
    }

    private static int positive(Config config, String key, int fallback) {
        int value = config.getOptionalValue(key, Integer.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalStateException(key + " must be a positive number; got " + value);
        }
        return value;
    }
}

package com.portfolio.bridge.config;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/** Per-user, per-socket and per-IP limits, and whether a socket ends with its token. */
public record SocketLimits(int socketsPerUser, int conversationsPerSocket, boolean disconnectOnTokenExpiry,
        int connectsPerIpPerMinute, Set<String> connectExemptIps) {

    static SocketLimits read(Config config) {
        int perIp = config.getOptionalValue("portfolio.limits.connects-per-ip-per-minute", Integer.class).orElse(0);
        if (perIp < 0) {
            throw new IllegalStateException("portfolio.limits.connects-per-ip-per-minute must be 0 (off) or positive");
        }
        Set<String> exempt = config.getOptionalValue("portfolio.limits.connect-exempt-ips", String.class)
                .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return new SocketLimits(
                positive(config, "portfolio.limits.sockets-per-user", 20),
                positive(config, "portfolio.limits.conversations-per-socket", 100),
                config.getOptionalValue("portfolio.auth.disconnect-on-expiry", Boolean.class).orElse(true),
                perIp, exempt);
    }

    private static int positive(Config config, String key, int fallback) {
        int value = config.getOptionalValue(key, Integer.class).orElse(fallback);
        if (value <= 0) {
            throw new IllegalStateException(key + " must be a positive number; got " + value);
        }
        return value;
    }
}

package com.portfolio.bridge.config;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Per-node, per-user, per-socket and per-IP limits, whether a socket ends with its token, and
 * how long a backend's revocation of a user's older tokens is kept.
 * {@code maxConnections} 0 means: derived from the open-file limit (see {@link ConnectionCap}).
 */
public record SocketLimits(int socketsPerUser, int conversationsPerSocket, boolean disconnectOnTokenExpiry,
        int connectsPerIpPerMinute, Set<String> connectExemptIps, int maxConnections, int descriptorReserve, long revocationRetentionSeconds) {

    static SocketLimits read(Config config) {
        int perIp = zeroOrPositive(config, "portfolio.limits.connects-per-ip-per-minute", "off");
        Set<String> exempt = config.getOptionalValue("portfolio.limits.connect-exempt-ips", String.class)
                .map(raw -> Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()))
                .orElse(Set.of());
        return new SocketLimits(
                Checks.positive(config, "portfolio.limits.sockets-per-user", 20),
                Checks.positive(config, "portfolio.limits.conversations-per-socket", 100),
                config.getOptionalValue("portfolio.auth.disconnect-on-expiry", Boolean.class).orElse(true),
                perIp, exempt,
                zeroOrPositive(config, "portfolio.limits.max-connections", "derived"),
                Checks.positive(config, "portfolio.limits.descriptor-reserve", 512),
                Checks.positive(config, "portfolio.auth.revocation-retention-seconds", 86_400L));
    }

    private static int zeroOrPositive(Config config, String key, String zeroMeans) {
        return Checks.zeroOrPositive(key, config.getOptionalValue(key, Integer.class).orElse(0), zeroMeans);
    }
}

package com.portfolio.bridge.transport;

import java.net.URI;
import java.util.List;

/**
 * The configured cross-site origins, shared by CORS (polling) and the WebSocket Origin check.
 * An entry is an exact origin ({@code https://app.example.com}) or one with any port
 * ({@code http://localhost:*}). Same-origin requests are always allowed.
 */
public final class OriginPolicy {

    private final List<String> allowed;

    public OriginPolicy(List<String> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** True when a cross-site request from {@code origin} may read responses with credentials. */
    public boolean allowsCrossSite(String origin) {
        return origin != null
                && allowed.stream().anyMatch(entry -> entry.endsWith(":*") ? matchesAnyPort(entry, origin) : entry.equalsIgnoreCase(origin));
    }

    /** For the WebSocket handshake: no Origin (non-browser), same origin, or an allowed one. */
    public boolean allowsConnection(String origin, String host) {
        return origin == null || sameOrigin(origin, host) || allowsCrossSite(origin);
    }

    private static boolean matchesAnyPort(String entry, String origin) {
        String prefix = entry.substring(0, entry.length() - 1);
        if (!origin.regionMatches(true, 0, prefix, 0, prefix.length())) {
            return false;
        }
        String port = origin.substring(prefix.length());
        return !port.isEmpty() && port.length() <= 5 && port.chars().allMatch(Character::isDigit);
    }

    private static boolean sameOrigin(String origin, String host) {
        if (host == null) {
            return false;
        }
        try {
            return host.equalsIgnoreCase(URI.create(origin).getRawAuthority());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

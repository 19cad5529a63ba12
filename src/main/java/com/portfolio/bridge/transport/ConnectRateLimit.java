package com.portfolio.bridge.transport;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * New Engine.IO sessions per client IP per minute (a fixed one-minute window per IP). Off when
 * the limit is 0. Exempt addresses (a trusted reverse proxy, a health checker) are not counted.
 */
final class ConnectRateLimit {

    private static final long WINDOW_NANOS = 60_000_000_000L;
    private static final int MAX_TRACKED = 100_000;

    private record Window(long startNanos, int count) {
    }

    private final int perMinute;
    private final Set<String> exempt;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    ConnectRateLimit(int perMinute, Set<String> exempt) {
        this.perMinute = perMinute;
        this.exempt = Set.copyOf(exempt);
    }

    /** @return true if this new session from {@code ip} is within the limit (and counts it) */
    boolean admit(String ip) {
        if (perMinute <= 0 || ip == null || exempt.contains(ip)) {
            return true;
        }
        long now = System.nanoTime();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> now - w.startNanos() > WINDOW_NANOS);
        }
        Window window = windows.compute(ip, (key, current) ->
                current == null || now - current.startNanos() > WINDOW_NANOS ? new Window(now, 1)
                        : new Window(current.startNanos(), current.count() + 1));
        return window.count() <= perMinute;
    }
}

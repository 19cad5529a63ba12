package com.portfolio.bridge.config;

/**
 * How many Engine.IO connections a node admits: {@code portfolio.limits.max-connections} when
 * set, else the process's open-file limit less a reserve for what Liberty itself keeps open (jars,
 * logs, the messaging engine's files, broker and HTTP client connections, the JVM's own).
 * A cap above what the limit allows is lowered to it: past the limit, accept() fails for everyone.
 */
public record ConnectionCap(int maxConnections, long openFileLimit, int reserve) {

    /** @param configured 0 when not set */
    public static ConnectionCap derive(int configured, long openFileLimit, int reserve) {
        long allowed = Math.max(1, openFileLimit - reserve);
        long cap = configured > 0 ? Math.min(configured, allowed) : allowed;
        return new ConnectionCap((int) Math.min(Integer.MAX_VALUE, cap), openFileLimit, reserve);
    }

    /** Descriptors in use past which no new connection is taken, whatever the count says (polling uses two). */
    public long descriptorCeiling() {
        return openFileLimit - reserve / 2;
    }
}

package com.portfolio.bridge.cluster;

import java.util.HashMap;
import java.util.Map;

/**
 * What the test nodes run with besides the bus: strict mode, the build's RS256 test key (for
 * sockets and the HTTP API), and quick presence timings, so a dead node drops out in seconds.
 */
public final class ClusterEnv {

    private ClusterEnv() {
    }

    static final long PRESENCE_HEARTBEAT_MS = 500;
    // Well over a heartbeat: while two nodes and a broker start on two cores, a tick can be late by
    // seconds, and a node dropped by mistake makes the ownership of presence events flip.
    static final long PRESENCE_NODE_TIMEOUT_MS = 4_000;
    static final long PRESENCE_GRACE_MS = 2_000;

    public static Map<String, String> testNodes() {
        Map<String, String> env = new HashMap<>(keys());
        env.putAll(Map.of(
                "PORTFOLIO_PRESENCE_HEARTBEAT_MS", String.valueOf(PRESENCE_HEARTBEAT_MS),
                "PORTFOLIO_PRESENCE_NODE_TIMEOUT_MS", String.valueOf(PRESENCE_NODE_TIMEOUT_MS),
                "PORTFOLIO_PRESENCE_GRACE_MS", String.valueOf(PRESENCE_GRACE_MS),
                "PORTFOLIO_MODE", "test",
                // Fast probes, so readiness follows the bus within seconds.
                "PORTFOLIO_BUS_PROBE_INTERVAL_MS", "1000"));
        return Map.copyOf(env);
    }

    /** Only the keys, as an operator gives them to a container: the build's public test key for sockets and the HTTP API. */
    static Map<String, String> keys() {
        String publicKey = System.getProperty("it.keys.dir") + "/public.pem";
        return Map.of(
                "PORTFOLIO_API_JWT_ALGORITHMS", "RS256",
                "PORTFOLIO_API_JWT_PUBLIC_KEY_LOCATION", publicKey,
                "PORTFOLIO_API_JWT_ISSUER", System.getProperty("it.jwt.issuer"),
                "PORTFOLIO_API_JWT_AUDIENCE", System.getProperty("it.jwt.audience"),
                "PORTFOLIO_JWT_ALGORITHMS", "RS256",
                "PORTFOLIO_JWT_PUBLIC_KEY_LOCATION", publicKey,
                "PORTFOLIO_JWT_ISSUER", System.getProperty("it.jwt.issuer"),
                "PORTFOLIO_JWT_AUDIENCE", System.getProperty("it.jwt.audience"));
    }
}

package com.portfolio.bridge.cluster;

import java.util.Map;

/** What the test nodes run with besides the bus: strict mode and the build's RS256 test key. */
final class ClusterEnv {

    private ClusterEnv() {
    }

    static Map<String, String> testNodes() {
        return Map.of(
                "PORTFOLIO_MODE", "test",
                "PORTFOLIO_JWT_ALGORITHMS", "RS256",
                "PORTFOLIO_JWT_PUBLIC_KEY_LOCATION", System.getProperty("it.keys.dir") + "/public.pem",
                "PORTFOLIO_JWT_ISSUER", System.getProperty("it.jwt.issuer"),
                "PORTFOLIO_JWT_AUDIENCE", System.getProperty("it.jwt.audience"),
                // Fast probes, so readiness follows the bus within seconds.
                "PORTFOLIO_BUS_PROBE_INTERVAL_MS", "1000");
    }
}

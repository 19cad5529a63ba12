package com.portfolio.bridge.config;

import java.util.function.Function;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the bridge works with its bus: which bus, this node's id, how many key stripes order
 * emits, and how often the node probes its own consumers.
 */
public record BusSettings(String bus, String nodeId, int lanes, int laneCapacity,
        long probeIntervalMs, long claimWaitMs) {

    private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public boolean artemis() {
        return "artemis".equals(bus);
    }

    /** Readiness fails when this node's own probe has not come back for this long. */
    public long probeStaleAfterMs() {
        return probeIntervalMs * 3;
    }

    static BusSettings read(Function<String, Optional<String>> config) {
        String bus = config.apply("portfolio.bus").orElse("embedded");
        if (!bus.equals("embedded") && !bus.equals("artemis")) {
            throw new IllegalStateException("portfolio.bus must be embedded or artemis; got " + bus);
        }
        Optional<String> node = config.apply("portfolio.node.id");
        // Durable subscriptions are named after the node: on a shared broker a made-up default
        // would make two nodes steal each other's events, so artemis requires an explicit id.
        if (bus.equals("artemis") && node.isEmpty()) {
            throw new IllegalStateException("portfolio.node.id (PORTFOLIO_NODE_ID) is required with the artemis bus:"
                    + " a stable id, different on every node");
        }
        String nodeId = node.orElse("local");
        if (!NODE_ID.matcher(nodeId).matches()) {
            throw new IllegalStateException("portfolio.node.id must be 1-64 letters, digits, '.', '_' or '-'; got "
                    + nodeId);
        }
        return new BusSettings(bus, nodeId,
                positive(config, "portfolio.bus.lanes", 64),
                positive(config, "portfolio.bus.lane-capacity", 10_000),
                positive(config, "portfolio.bus.probe-interval-ms", 5_000),
                positive(config, "portfolio.node.claim-wait-ms", 3_000));
    }

    private static int positive(Function<String, Optional<String>> config, String key, int fallback) {
        return Checks.positive(key, config.apply(key).map(String::trim).map(Integer::parseInt).orElse(fallback));
    }
}

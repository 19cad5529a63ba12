package com.portfolio.bridge.health;

import com.portfolio.bridge.bus.BrokerTroubleLog;
import com.portfolio.bridge.bus.BusActivity;
import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.bus.NodeIdentity;
import com.portfolio.bridge.config.BridgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready once this node's own probes have come back through every consumer: a node that never
 * reached the bus (wrong address, TLS or credentials, a duplicate node id) stays out of the load
 * balancer. A node that had reached it and lost it stays ready by default: the broker is shared,
 * so every node loses it at once, and refusing new clients everywhere helps nobody (their events
 * wait on the broker). {@code portfolio.health.ready-during-bus-outage=false} takes such a node
 * out instead, for nodes on different brokers. The data say whether the bus answers now.
 */
@Readiness
@ApplicationScoped
public class BusReadiness implements HealthCheck {

    @Inject
    private BusActivity activity;

    @Inject
    private NodeIdentity node;

    @Inject
    private BrokerTroubleLog trouble;

    @Inject
    private BridgeConfig config;

    @Override
    public HealthCheckResponse call() {
        long now = System.currentTimeMillis();
        long staleAfter = config.bus().probeStaleAfterMs();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("bus")
                .withData("bus", config.bus().bus())
                .withData("node", node.nodeId())
                .withData("instance", node.instanceId());
        boolean connected = true;
        for (EventKind kind : EventKind.values()) {
            String name = kind.name().toLowerCase();
            long last = activity.lastOwnProbeAt(kind);
            connected &= last > 0 && now - last <= staleAfter;
            response.withData(name + ".consumed", activity.consumed(kind))
                    .withData(name + ".deadLettered", activity.deadLettered(kind))
                    .withData(name + ".emitFailures", activity.emitFailures(kind))
                    .withData(name + ".probeAgeMs", last == 0 ? -1 : now - last);
        }
        String conflict = activity.conflict();
        if (conflict != null) {
            response.withData("duplicateNodeId", conflict);
        }
        response.withData("connected", connected).withData("quietedClientErrors", trouble.quieted());
        return response.status(connected || activity.everyOwnProbeSeen() && config.health().readyDuringBusOutage()).build();
    }
}

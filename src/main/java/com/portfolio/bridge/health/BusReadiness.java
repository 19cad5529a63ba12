package com.portfolio.bridge.health;

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
 * Ready only while this node's own probes come back through both consumers: a node whose
 * consumers lost the broker, or never attached (a duplicate node id), is taken out of the
 * load balancer. The data are the node's consumption counters, for operators and the tests.
 */
@Readiness
@ApplicationScoped
public class BusReadiness implements HealthCheck {

    @Inject
    private BusActivity activity;

    @Inject
    private NodeIdentity node;

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
        boolean up = true;
        for (EventKind kind : EventKind.values()) {
            String name = kind.name().toLowerCase();
            long last = activity.lastOwnProbeAt(kind);
            up &= last > 0 && now - last <= staleAfter;
            response.withData(name + ".consumed", activity.consumed(kind))
                    .withData(name + ".deadLettered", activity.deadLettered(kind))
                    .withData(name + ".emitFailures", activity.emitFailures(kind))
                    .withData(name + ".probeAgeMs", last == 0 ? -1 : now - last);
        }
        String conflict = activity.conflict();
        if (conflict != null) {
            response.withData("duplicateNodeId", conflict);
        }
        return response.status(up).build();
    }
}

package com.portfolio.bridge.health;

import com.portfolio.bridge.bus.KeyedLanes;
import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.transport.OpenWebSockets;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * DOWN when delivery is wedged, so an orchestrator restarts the node: a WebSocket send pending
 * well past its deadline (its timeout should have cut the client), or an emit that has been
 * running for long (an emit only queues frames; it takes microseconds). Bounds: HealthSettings.
 */
@Liveness
@ApplicationScoped
public class DeliveryLiveness implements HealthCheck {

    @Inject
    private OpenWebSockets sockets;

    @Inject
    private KeyedLanes lanes;

    @Inject
    private BridgeConfig config;

    @Override
    public HealthCheckResponse call() {
        long oldestSend = sockets.oldestPendingSendMs();
        long longestEmit = lanes.longestRunningEmitMs();
        long sendBound = config.health().sendStuckMs();
        long emitBound = config.health().emitStuckMs();
        return HealthCheckResponse.named("delivery")
                .withData("oldestPendingSendMs", oldestSend)
                .withData("sendBoundMs", sendBound)
                .withData("longestRunningEmitMs", longestEmit)
                .withData("emitBoundMs", emitBound)
                .status(oldestSend <= sendBound && longestEmit <= emitBound)
                .build();
    }

    /** The same verdict, for readiness. */
    boolean wedged() {
        return call().getStatus() == HealthCheckResponse.Status.DOWN;
    }
}

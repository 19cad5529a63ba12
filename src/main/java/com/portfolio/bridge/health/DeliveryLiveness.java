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
 * running for {@value #EMIT_STUCK_MS} ms (an emit only queues frames; it takes microseconds).
 */
@Liveness
@ApplicationScoped
public class DeliveryLiveness implements HealthCheck {

    /** Past the send deadline (write-stall-ms plus Liberty's timeout grain), this much more is wedged. */
    static final long SEND_STUCK_GRACE_MS = 10_000;
    static final long EMIT_STUCK_MS = 30_000;

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
        long sendBound = config.engine().writeStallMs() + SEND_STUCK_GRACE_MS;
        return HealthCheckResponse.named("delivery")
                .withData("oldestPendingSendMs", oldestSend)
                .withData("sendBoundMs", sendBound)
                .withData("longestRunningEmitMs", longestEmit)
                .withData("emitBoundMs", EMIT_STUCK_MS)
                .status(oldestSend <= sendBound && longestEmit <= EMIT_STUCK_MS)
                .build();
    }

    /** The same verdict, for readiness. */
    boolean wedged() {
        return call().getStatus() == HealthCheckResponse.Status.DOWN;
    }
}

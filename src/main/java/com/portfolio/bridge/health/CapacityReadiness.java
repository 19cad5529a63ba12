package com.portfolio.bridge.health;

import com.portfolio.bridge.transport.Admission;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN at the connection cap (new sessions get 503 here; the load balancer should send them
 * elsewhere) and while delivery is wedged. Held clients are unaffected either way.
 */
@Readiness
@ApplicationScoped
public class CapacityReadiness implements HealthCheck {

    @Inject
    private Admission admission;

    @Inject
    @Liveness // a health check's bean carries only its check qualifier
    private DeliveryLiveness delivery;

    @Override
    public HealthCheckResponse call() {
        boolean full = admission.full();
        boolean wedged = delivery.wedged();
        return HealthCheckResponse.named("capacity")
                .withData("connections", admission.connections())
                .withData("maxConnections", admission.cap().maxConnections())
                .withData("openFileLimit", admission.cap().openFileLimit())
                .withData("deliveryWedged", wedged)
                .status(!full && !wedged)
                .build();
    }
}

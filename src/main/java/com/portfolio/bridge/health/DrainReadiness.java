package com.portfolio.bridge.health;

import com.portfolio.bridge.shutdown.Drain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN from the moment the node starts draining for shutdown: the load balancer stops sending it clients. */
@Readiness
@ApplicationScoped
public class DrainReadiness implements HealthCheck {

    @Inject
    private Drain drain;

    @Override
    public HealthCheckResponse call() {
        boolean draining = drain.draining();
        return HealthCheckResponse.named("shutdown").withData("draining", draining).status(!draining).build();
    }
}

package com.portfolio.bridge.metrics;

import com.portfolio.bridge.config.BridgeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Says at start who can read /metrics. Liberty serves it (mpMetrics in liberty/server.xml) from
 * the same variable: {@code portfolio.metrics.authentication}, true unless configured.
 */
@ApplicationScoped
public class MetricsExposure {

    private static final Logger LOG = Logger.getLogger(MetricsExposure.class.getName());

    @Inject
    @ConfigProperty(name = "portfolio.metrics.authentication", defaultValue = "true")
    boolean authentication;

    @Inject
    private BridgeConfig config;

    void announce(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (authentication) {
            LOG.info("/metrics needs an administrator over HTTPS (Liberty's default); nobody is mapped unless"
                    + " configured (portfolio.metrics.authentication=false opens it)");
        } else if (config.mode().isDev()) {
            LOG.info("/metrics is open on the HTTP port (dev mode)");
        } else {
            LOG.warning("/metrics is open to anyone who reaches the HTTP port: portfolio.metrics.authentication=false;"
                    + " keep that port off the public network");
        }
    }
}

package com.portfolio.bridge.transport;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.metrics.BridgeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What every {@link EngineEndpoint} needs, injected once: {@link HandshakeCapture} builds each
 * endpoint with it, as CDI creating one bean per WebSocket was costly on every upgrade.
 */
@ApplicationScoped
public class WebSocketServices {

    @Inject
    private BridgeConfig config;

    @Inject
    private BridgeMetrics metrics;

    @Inject
    private SessionCloser closer;

    @Inject
    private OpenWebSockets openSockets;

    @Inject
    private EngineAccess engines;

    // Public methods, not fields, for callers: they hold the bean's client proxy, whose fields are empty.
    public BridgeConfig config() {
        return config;
    }

    public BridgeMetrics metrics() {
        return metrics;
    }

    public SessionCloser closer() {
        return closer;
    }

    public OpenWebSockets openSockets() {
        return openSockets;
    }

    public EngineAccess engines() {
        return engines;
    }
}

package com.portfolio.bridge.transport;

import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The transport's levels, read when /metrics is scraped: sockets by transport, queued bytes, the
 * connection cap. Registered at start so each series exists from the first scrape.
 */
@ApplicationScoped
public class TransportGauges {

    @Inject
    private BridgeMetrics metrics;

    @EJB
    private PortfolioNamespace namespace;

    @Inject
    private Admission admission;

    @Inject
    private OpenWebSockets webSockets;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        String sockets = "/portfolio sockets connected, by current transport";
        metrics.gauge("portfolio.sockets", sockets, null, () -> namespace.socketsOnWebSocket(), "transport", "websocket");
        metrics.gauge("portfolio.sockets", sockets, null,
                () -> namespace.connectedSockets() - namespace.socketsOnWebSocket(), "transport", "polling");
        metrics.gauge("portfolio.outbound.queued", "bytes queued for WebSocket clients, not yet written", BridgeMetrics.BYTES,
                () -> webSockets.queuedBytes());
        metrics.gauge("portfolio.connections", "Engine.IO connections open (counted against the cap)", null,
                () -> admission.connections());
        metrics.gauge("portfolio.connections.max", "the connection cap: new sessions past it are refused with 503", null,
                () -> admission.cap().maxConnections());
    }
}

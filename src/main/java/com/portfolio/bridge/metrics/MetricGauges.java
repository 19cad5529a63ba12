package com.portfolio.bridge.metrics;

import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.transport.Admission;
import com.portfolio.bridge.transport.OpenWebSockets;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/** The node's levels, read when /metrics is scraped: sockets, queued bytes, the connection cap. */
@ApplicationScoped
public class MetricGauges {

    @Inject
    private MetricRegistry registry;

    @EJB
    private PortfolioNamespace namespace;

    @Inject
    private Admission admission;

    @Inject
    private OpenWebSockets webSockets;

    void register(@Observes @Initialized(ApplicationScoped.class) Object started) {
        gauge("portfolio.sockets", "/portfolio sockets connected, by current transport", MetricUnits.NONE,
                () -> namespace.socketsOnWebSocket(), new Tag("transport", "websocket"));
        gauge("portfolio.sockets", "/portfolio sockets connected, by current transport", MetricUnits.NONE,
                () -> namespace.connectedSockets() - namespace.socketsOnWebSocket(), new Tag("transport", "polling"));
        gauge("portfolio.outbound.queued", "bytes queued for WebSocket clients, not yet written", MetricUnits.BYTES,
                () -> webSockets.queuedBytes());
        gauge("portfolio.connections", "Engine.IO connections open (counted against the cap)", MetricUnits.NONE,
                () -> admission.connections());
        gauge("portfolio.connections.max", "the connection cap: new sessions past it are refused with 503", MetricUnits.NONE,
                () -> admission.cap().maxConnections());
    }

    private void gauge(String name, String description, String unit, Supplier<Number> value, Tag... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description).withUnit(unit).build(),
                value, Supplier::get, tags);
    }
}

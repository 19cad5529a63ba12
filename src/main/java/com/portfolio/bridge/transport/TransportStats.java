package com.portfolio.bridge.transport;

import com.portfolio.bridge.metrics.BridgeMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/** Counters an operator (and the tests) can read: how often the transport had to step in. */
@ApplicationScoped
public class TransportStats {

    private final AtomicLong slowConsumersCut = new AtomicLong();

    @Inject
    private BridgeMetrics metrics;

    /** @param transport websocket or polling */
    void slowConsumerCut(String transport) {
        slowConsumersCut.incrementAndGet();
        metrics.stalledClientCut(transport);
    }

    /** Clients cut because they stopped reading: a WebSocket send or a poll answer missed its deadline, or too much queued. */
    public long slowConsumersCut() {
        return slowConsumersCut.get();
    }
}

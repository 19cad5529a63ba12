package com.portfolio.bridge.transport;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Counters an operator (and the tests) can read: how often the transport had to step in. */
@ApplicationScoped
public class TransportStats {

    private final AtomicLong slowConsumersCut = new AtomicLong();

    void slowConsumerCut() {
        slowConsumersCut.incrementAndGet();
    }

    /** Clients cut because they stopped reading: a WebSocket send or a poll answer missed its deadline, or too much queued. */
    public long slowConsumersCut() {
        return slowConsumersCut.get();
    }
}

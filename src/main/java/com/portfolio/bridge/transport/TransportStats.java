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

    /** WebSockets closed because the client stopped reading: a send missed its deadline or too much queued. */
    public long slowConsumersCut() {
        return slowConsumersCut.get();
    }
}

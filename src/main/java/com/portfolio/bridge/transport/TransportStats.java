package com.portfolio.bridge.transport;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

/** Counters an operator (and the tests) can read: how often the transport had to step in. */
@ApplicationScoped
public class TransportStats {

    private final AtomicLong stalledCut = new AtomicLong();
    private final AtomicLong failedCut = new AtomicLong();
    private final AtomicLong slowCloses = new AtomicLong();
    private final AtomicLong refusedOverCap = new AtomicLong();

    void cut(boolean stalled) {
        (stalled ? stalledCut : failedCut).incrementAndGet();
    }

    void slowClose() {
        slowCloses.incrementAndGet();
    }

    void countRefusedOverCap() {
        refusedOverCap.incrementAndGet();
    }

    /** WebSockets closed because the client stopped reading: a send missed its deadline or too much queued. */
    public long slowConsumersCut() {
        return stalledCut.get();
    }

    /** WebSockets closed because a send failed for another reason (the socket broke). */
    public long failedSendsCut() {
        return failedCut.get();
    }

    /** WebSocket closes that took Liberty over a second (a peer that does not take the close frame). */
    public long slowCloses() {
        return slowCloses.get();
    }

    /** New sessions refused because the node was at its connection cap. */
    public long refusedOverCap() {
        return refusedOverCap.get();
    }
}

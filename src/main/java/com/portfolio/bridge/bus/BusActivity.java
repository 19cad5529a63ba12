package com.portfolio.bridge.bus;

import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What this node's consumers did: counts for operators and readiness, and the last own probe. */
@ApplicationScoped
public class BusActivity {

    @Inject
    private BridgeMetrics metrics;

    private final Map<EventKind, AtomicLong> consumed = counters();
    private final Map<EventKind, AtomicLong> deadLettered = counters();
    private final Map<EventKind, AtomicLong> emitFailures = counters();
    private final Map<EventKind, AtomicLong> lastOwnProbeAt = counters();
    private final AtomicReference<String> conflict = new AtomicReference<>();

    private static Map<EventKind, AtomicLong> counters() {
        return Stream.of(EventKind.values()).collect(Collectors.toUnmodifiableMap(kind -> kind, kind -> new AtomicLong()));
    }

    void countConsumed(EventKind kind) {
        consumed.get(kind).incrementAndGet();
        metrics.consumed(kind);
    }

    void countDeadLettered(EventKind kind) {
        deadLettered.get(kind).incrementAndGet();
        metrics.deadLettered(kind);
    }

    void countEmitFailure(EventKind kind) {
        emitFailures.get(kind).incrementAndGet();
    }

    void ownProbeReceived(EventKind kind, long atMillis) {
        lastOwnProbeAt.get(kind).accumulateAndGet(atMillis, Math::max);
    }

    /** @return true the first time a conflict is recorded */
    boolean conflict(String description) {
        return conflict.compareAndSet(null, description);
    }

    public long consumed(EventKind kind) {
        return consumed.get(kind).get();
    }

    public long deadLettered(EventKind kind) {
        return deadLettered.get(kind).get();
    }

    public long emitFailures(EventKind kind) {
        return emitFailures.get(kind).get();
    }

    /** Epoch millis when this node last saw its own probe on the kind's topic; 0 = never. */
    public long lastOwnProbeAt(EventKind kind) {
        return lastOwnProbeAt.get(kind).get();
    }

    /** Every consumer has seen at least one of this node's own probes: the node reached the bus once. */
    public boolean everyOwnProbeSeen() {
        return lastOwnProbeAt.values().stream().allMatch(last -> last.get() > 0);
    }

    /** Another running instance with this node's id, if one was seen. */
    public String conflict() {
        return conflict.get();
    }
}

package com.portfolio.bridge.metrics;

import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

/**
 * The node's counters and latency timers, in Liberty's MicroProfile Metrics registry (exported
 * at /metrics as Prometheus text). Every label value comes from a fixed set — kinds, transports,
 * reasons, API operations — so no user or conversation id can multiply the series; a reason
 * outside the known set is counted as {@code other}. Counters are looked up once per label value.
 */
@ApplicationScoped
public class BridgeMetrics implements SocketMetrics {

    private static final Set<String> DISCONNECT_REASONS = Set.of("transport close", "transport error", "ping timeout",
            "forced close", "client namespace disconnect", "server namespace disconnect", "parse error",
            "server shutting down");
    private static final int MAX_REASON_LENGTH = 40;
    public static final String BYTES = MetricUnits.BYTES;

    @Inject
    private MetricRegistry registry;

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<EventKind, KindMeters> kinds = new ConcurrentHashMap<>();

    @Override
    public void connected() {
        counter("portfolio.connects", "CONNECTs to /portfolio accepted").inc();
    }

    @Override
    public void connectRefused(String reason) {
        counter("portfolio.connect.errors", "CONNECTs refused, by the reason the client is given", "reason", word(reason)).inc();
    }

    @Override
    public void disconnected(String reason) {
        String known = DISCONNECT_REASONS.contains(reason) ? reason : "other";
        counter("portfolio.disconnects", "/portfolio sockets ended, by Socket.IO's reason", "reason", known.replace(' ', '_')).inc();
    }

    @Override
    public void joinedConversation() {
        counter("portfolio.conversation.joins", "sockets that joined a conversation room").inc();
    }

    @Override
    public void swept(int connections) {
        sweptCounter().inc(connections);
    }

    private Counter sweptCounter() {
        return counter("portfolio.connections.swept", "connections the backstop sweep finished: their close event never came");
    }

    // Registered at start, so the series reads 0 from the first scrape.
    @PostConstruct
    void registerSwept() {
        sweptCounter();
    }

    public void consumed(EventKind kind) {
        perKind(kind).consumed.inc();
    }

    public void deadLettered(EventKind kind) {
        perKind(kind).deadLettered.inc();
    }

    @Override
    public void emitted(EventKind kind, int frames, long sinceConsumeNanos, long publishedAtMillis) {
        KindMeters meters = perKind(kind);
        meters.emitted.inc();
        meters.deliveries.inc(frames);
        meters.sinceConsume.update(Duration.ofNanos(sinceConsumeNanos));
        if (publishedAtMillis > 0) {
            meters.sincePublish.update(Duration.ofMillis(Math.max(0, System.currentTimeMillis() - publishedAtMillis)));
        }
    }

    // The emit path's meters, resolved once per kind: no lookup per event.
    private record KindMeters(Counter consumed, Counter deadLettered, Counter emitted, Counter deliveries,
            Timer sinceConsume, Timer sincePublish) {
    }

    private KindMeters perKind(EventKind kind) {
        return kinds.computeIfAbsent(kind, key -> {
            String k = key.name().toLowerCase(Locale.ROOT);
            return new KindMeters(
                    counter("portfolio.events.consumed", "events and commands taken from the bus", "kind", k),
                    counter("portfolio.events.dead.lettered", "poison events and commands copied to the dead-letter queue", "kind", k),
                    counter("portfolio.events.emitted", "events broadcast to their room", "kind", k),
                    counter("portfolio.deliveries", "event frames handed to sockets' transports", "kind", k),
                    timer("consume", k), timer("publish", k));
        });
    }

    /** A broker redelivered an event this node had delivered (after a failover): dropped, not emitted twice. */
    public void redeliveryDropped(EventKind kind) {
        counter("portfolio.events.redeliveries.dropped", "redeliveries of events already delivered, dropped",
                "kind", kind.name().toLowerCase(Locale.ROOT)).inc();
    }

    public void stalledClientCut(String transport) {
        counter("portfolio.stalled.clients.cut", "clients cut because they stopped reading", "transport", transport).inc();
    }

    public void apiCall(String operation, int status) {
        counter("portfolio.api.requests", "backend API calls, by operation and HTTP status",
                "operation", operation, "status", String.valueOf(status)).inc();
    }

    /**
     * A level read at each scrape (registered once, at start).
     * @param unit {@link #BYTES} or null for a plain number
     */
    public void gauge(String name, String description, String unit, Supplier<Number> value, String... tags) {
        registry.gauge(Metadata.builder().withName(name).withDescription(description)
                .withUnit(unit == null ? MetricUnits.NONE : unit).build(), value, Supplier::get, tags(tags));
    }

    private Counter counter(String name, String description, String... tags) {
        String key = tags.length == 0 ? name : name + String.join("\u0000", tags);
        return counters.computeIfAbsent(key, k -> registry.counter(
                Metadata.builder().withName(name).withDescription(description).build(), tags(tags)));
    }

    private Timer timer(String since, String kind) {
        return registry.timer(Metadata.builder()
                .withName("portfolio.delivery.latency").withUnit(MetricUnits.SECONDS)
                .withDescription("from the bus (since=consume) or the producer's JMS timestamp (since=publish) to the"
                        + " event's frames handed to every member socket").build(),
                new Tag("kind", kind), new Tag("since", since));
    }

    private static Tag[] tags(String... pairs) {
        return IntStream.range(0, pairs.length / 2).mapToObj(i -> new Tag(pairs[2 * i], pairs[2 * i + 1])).toArray(Tag[]::new);
    }

    // Reasons are the bridge's own words; a bounded, label-safe form even if one ever is not.
    private static String word(String reason) {
        return reason != null && reason.length() <= MAX_REASON_LENGTH && reason.matches("[a-z_]+") ? reason : "other";
    }
}

package com.portfolio.bridge.it.support;

import com.portfolio.bridge.realtime.Delivery;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.recovery.EventIds;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Duration;
import java.util.UUID;

/**
 * Events handed to delivery the way the bus's consumers hand them (numbered, then run on the
 * key's lane: asynchronously), and what /metrics says they did: how many frames went to sockets.
 */
public final class Deliver {

    // Looked up once: a CDI lookup and an EJB call per event made bulk producers ten times slower
    // than the bus's consumers, which hold the same plain object.
    private static volatile Delivery delivery;

    private Deliver() {
    }

    public static void notification(String userId, String documentJson) {
        event(EventKind.NOTIFICATION, userId, documentJson);
    }

    public static void message(String conversationId, String documentJson) {
        event(EventKind.MESSAGE, conversationId, documentJson);
    }

    private static void event(EventKind kind, String key, String documentJson) {
        if (delivery == null) {
            delivery = CDI.current().select(PortfolioNamespace.class).get().delivery();
        }
        delivery.deliver(kind, key, documentJson, EventIds.of("test:" + UUID.randomUUID()), 0);
    }

    /** The counters of one kind now; nothing else may deliver that kind until {@link Tally#frames} returns. */
    public static Tally tally(EventKind kind) {
        return new Tally(kind, Scrape.now());
    }

    public static final class Tally {

        private final String kind;
        private final Scrape before;

        private Tally(EventKind kind, Scrape before) {
            this.kind = kind.name().toLowerCase(java.util.Locale.ROOT);
            this.before = before;
        }

        /**
         * Waits until {@code events} more events of the kind have been broadcast.
         * @return the frames they were handed to sockets as, in all
         */
        public long frames(int events) throws Exception {
            // The latency count moves after the frames are counted: once it has, their count is final.
            Await.until(events + " " + kind + " events broadcast", Duration.ofSeconds(30), Duration.ofMillis(200),
                    () -> delta(Scrape.now(), "portfolio_delivery_latency_seconds_count", "since", "consume") >= events);
            Scrape after = Scrape.now();
            long broadcast = delta(after, "portfolio_delivery_latency_seconds_count", "since", "consume");
            if (broadcast != events) {
                throw new AssertionError(broadcast + " " + kind + " events broadcast, expected " + events);
            }
            return delta(after, "portfolio_deliveries_total");
        }

        private long delta(Scrape after, String name, String... labels) {
            String[] all = new String[labels.length + 2];
            all[0] = "kind";
            all[1] = kind;
            System.arraycopy(labels, 0, all, 2, labels.length);
            return Math.round(after.value(name, all) - before.value(name, all));
        }
    }
}

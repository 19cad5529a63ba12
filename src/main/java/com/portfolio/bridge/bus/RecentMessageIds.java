package com.portfolio.bridge.bus;

import com.portfolio.bridge.vocabulary.EventKind;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ids of the last events each topic delivered, so that a redelivery of one is dropped. Why:
 * the consumers acknowledge asynchronously, so after a broker failover the backup redelivers
 * the events whose acknowledgement the dead primary had not stored yet (a few, the acks in
 * flight). Only ids the bus gave the message belong here: an id made up from the content would
 * make two identical events one.
 */
final class RecentMessageIds {

    /** Per topic; far more than the acknowledgements in flight at any realistic rate. */
    static final int DEFAULT_SIZE = 4096;

    private final Map<EventKind, Window> windows = new EnumMap<>(EventKind.class);
    private final AtomicLong dropped = new AtomicLong();

    RecentMessageIds(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        for (EventKind kind : EventKind.values()) {
            windows.put(kind, new Window(size));
        }
    }

    /** Whether this topic delivered the event lately; counts it as dropped if so. */
    boolean delivered(EventKind kind, long id) {
        boolean seen = windows.get(kind).contains(id);
        if (seen) {
            dropped.incrementAndGet();
        }
        return seen;
    }

    /** Call once the event was delivered: one that failed must stay welcome when it comes again. */
    void remember(EventKind kind, long id) {
        windows.get(kind).add(id);
    }

    /** Redeliveries dropped since start. */
    long dropped() {
        return dropped.get();
    }

    /** A ring of the last ids, with a set for look-ups; the oldest leaves when a new one comes. */
    private static final class Window {
        private final long[] ring;
        private final Set<Long> ids;
        private int next;
        private int count;

        Window(int size) {
            ring = new long[size];
            ids = new HashSet<>(size * 2);
        }

        synchronized boolean contains(long id) {
            return ids.contains(id);
        }

        synchronized void add(long id) {
            if (!ids.add(id)) {
                return;
            }
            if (count == ring.length) {
                ids.remove(ring[next]);
            } else {
                count++;
            }
            ring[next] = id;
            next = (next + 1) % ring.length;
        }
    }
}

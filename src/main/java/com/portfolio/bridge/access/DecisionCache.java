package com.portfolio.bridge.access;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Short-lived answers per user and conversation, bounded so a flood of ids cannot grow it forever. */
final class DecisionCache {

    static final int MAX_ENTRIES = 100_000;

    private record Entry(AccessDecision decision, long expiresAtNanos) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;

    DecisionCache(Duration ttl) {
        this.ttlNanos = ttl.toNanos();
    }

    AccessDecision get(String userId, String conversationId) {
        String key = key(userId, conversationId);
        Entry entry = entries.get(key);
        if (entry == null) {
            return null;
        }
        if (System.nanoTime() - entry.expiresAtNanos() > 0) {
            entries.remove(key, entry);
            return null;
        }
        return entry.decision();
    }

    void put(String userId, String conversationId, AccessDecision decision) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            long now = System.nanoTime();
            entries.values().removeIf(e -> now - e.expiresAtNanos() > 0);
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(userId, conversationId), new Entry(decision, System.nanoTime() + ttlNanos));
    }

    private static String key(String userId, String conversationId) {
        return userId.length() + ":" + userId + "|" + conversationId;
    }
}

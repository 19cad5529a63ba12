package com.portfolio.bridge.presence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Online / offline per user from the cluster-wide socket count. Going to zero starts a grace
 * period; a socket back within it cancels the offline, so a brief reconnect makes no pair of
 * events. Not thread-safe (the presence service's lock guards it).
 */
public final class PresenceMachine {

    /** One user's change, {@code atMs} when it happened (for offline: when the last socket left). */
    public record Transition(String userId, boolean online, long atMs) {
    }

    private final long graceMs;
    private final Set<String> online = new HashSet<>();
    /** Users with no socket left, still reported online: user → when the last one left. */
    private final Map<String, Long> leaving = new HashMap<>();

    PresenceMachine(long graceMs) {
        this.graceMs = graceMs;
    }

    /** The user now has {@code sockets} sockets in the cluster. */
    Optional<Transition> update(String userId, int sockets, long nowMs) {
        if (sockets > 0) {
            if (leaving.remove(userId) != null) {
                online.add(userId);
                return Optional.empty();
            }
            return online.add(userId) ? Optional.of(new Transition(userId, true, nowMs)) : Optional.empty();
        }
        if (!online.remove(userId)) {
            return Optional.empty();
        }
        if (graceMs == 0) {
            return Optional.of(new Transition(userId, false, nowMs));
        }
        leaving.put(userId, nowMs);
        return Optional.empty();
    }

    /** Ends the grace periods that are over. @return their offline transitions */
    List<Transition> expire(long nowMs) {
        List<Transition> offline = leaving.entrySet().stream().filter(entry -> nowMs - entry.getValue() >= graceMs)
                .map(entry -> new Transition(entry.getKey(), false, entry.getValue())).toList();
        offline.forEach(t -> leaving.remove(t.userId()));
        return offline;
    }
}

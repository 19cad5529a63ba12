package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who is behind each Engine.IO connection that passed the gate, and how many connections each
 * user holds (bounded); an entry goes when its connection closes.
 */
final class ConnectionUsers {

    private final Map<String, AuthenticatedUser> byConnection = new ConcurrentHashMap<>();
    private final Map<String, Integer> perUser = new ConcurrentHashMap<>();
    private final int maxPerUser;

    ConnectionUsers(int maxPerUser) {
        this.maxPerUser = maxPerUser;
    }

    /** @return false, admitting nothing, if the user already holds the maximum */
    boolean admit(String connectionId, AuthenticatedUser user) {
        AuthenticatedUser previous = byConnection.get(connectionId);
        if (previous != null && previous.userId().equals(user.userId())) {
            byConnection.put(connectionId, user);
            return true;
        }
        boolean[] reserved = {false};
        perUser.compute(user.userId(), (id, count) -> {
            int current = count == null ? 0 : count;
            if (current >= maxPerUser) {
                return count;
            }
            reserved[0] = true;
            return current + 1;
        });
        if (reserved[0]) {
            forget(connectionId);
            byConnection.put(connectionId, user);
        }
        return reserved[0];
    }

    Optional<AuthenticatedUser> of(String connectionId) {
        return Optional.ofNullable(byConnection.get(connectionId));
    }

    /** " (user &lt;userId&gt;)" for a log line about the connection, or "" before its CONNECT: never the token. */
    String whose(String connectionId) {
        return of(connectionId).map(user -> " (user " + user.userId() + ")").orElse("");
    }

    void forget(String connectionId) {
        AuthenticatedUser user = byConnection.remove(connectionId);
        if (user != null) {
            perUser.computeIfPresent(user.userId(), (id, count) -> count <= 1 ? null : count - 1);
        }
    }
}

package com.portfolio.bridge.realtime;

import com.portfolio.bridge.auth.AuthenticatedUser;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Who is behind each Engine.IO connection that passed the gate; dropped when it closes. */
final class ConnectionUsers {

    private final Map<String, AuthenticatedUser> byConnection = new ConcurrentHashMap<>();

    void admit(String connectionId, AuthenticatedUser user) {
        byConnection.put(connectionId, user);
    }

    Optional<AuthenticatedUser> of(String connectionId) {
        return Optional.ofNullable(byConnection.get(connectionId));
    }

    void forget(String connectionId) {
        byConnection.remove(connectionId);
    }

    int size() {
        return byConnection.size();
    }
}

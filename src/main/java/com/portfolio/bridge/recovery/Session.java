package com.portfolio.bridge.recovery;

import java.util.Set;

/**
 * A socket that went away and may come back: whose it was, its rooms (contract names), and the
 * position it started from — what a client that got no event before it went away is owed from.
 */
public record Session(String pid, String userId, Set<String> rooms, long disconnectedAtMs, String start) {

    /** As the cluster hears of it: gone from its node, kept for recovery. */
    SessionState announced() {
        return new SessionState(userId, rooms, true, start);
    }
}

package com.portfolio.bridge.recovery;

import java.util.HashSet;
import java.util.Set;

/**
 * A session connected to this node, as its connection holds it: the pid, whose, where it started,
 * its contract rooms (changed only under {@link LiveSessions}' lock, so the cluster reads them
 * whole) and the socket's {@link Cursor}. The connection keeps it until its socket ends; after a
 * send-away it is no longer live here but its cursor still numbers the frames that follow.
 */
public final class LiveSession {

    private final String pid;
    final String userId;
    final String start;
    private final Cursor cursor = new Cursor();
    final Set<String> rooms = new HashSet<>();

    LiveSession(String pid, String userId, String start) {
        this.pid = pid;
        this.userId = userId;
        this.start = start;
    }

    public String pid() {
        return pid;
    }

    public Cursor cursor() {
        return cursor;
    }

    SessionState announced() {
        return new SessionState(userId, Set.copyOf(rooms), false, start);
    }
}

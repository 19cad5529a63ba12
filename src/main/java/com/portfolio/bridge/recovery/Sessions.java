package com.portfolio.bridge.recovery;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions that went away on this node, for the window; each can be taken back once. */
public final class Sessions {

    private final long windowMs;
    private final Map<String, Session> byPid = new LinkedHashMap<>();

    public Sessions(long windowMs) {
        this.windowMs = windowMs;
    }

    public synchronized void keep(Session session) {
        byPid.remove(session.pid());
        byPid.put(session.pid(), session);
    }

    /** Keeps a session another node announced, unless this node has it already. */
    public synchronized void adopt(Session session) {
        byPid.putIfAbsent(session.pid(), session);
    }

    /**
     * The session, if it went away within the window and was the user's; taken, so it comes back
     * once. Another user's attempt leaves it where it is (a pid alone must not end a session).
     */
    public synchronized Optional<Session> take(String pid, String userId, long nowMs) {
        expire(nowMs);
        Session session = byPid.get(pid);
        if (session == null || !session.userId().equals(userId)) {
            return Optional.empty();
        }
        return Optional.of(byPid.remove(pid));
    }

    public synchronized Optional<Session> peek(String pid) {
        return Optional.ofNullable(byPid.get(pid));
    }

    /** Another node has the session now: it is not to come back here. */
    public synchronized void remove(String pid) {
        byPid.remove(pid);
    }

    /** A command for a user, applied to its kept sessions. @param room null: they end */
    public synchronized void command(String userId, String room, boolean join) {
        if (room == null) {
            byPid.values().removeIf(session -> session.userId().equals(userId));
            return;
        }
        byPid.replaceAll((pid, session) -> !session.userId().equals(userId) ? session
                : new Session(pid, userId, SessionState.afterCommand(session.rooms(), room, join), session.disconnectedAtMs(), session.start()));
    }

    public synchronized List<Session> all() {
        return List.copyOf(byPid.values());
    }

    public synchronized void expire(long nowMs) {
        for (Iterator<Session> it = byPid.values().iterator(); it.hasNext();) {
            if (nowMs - it.next().disconnectedAtMs() <= windowMs) {
                break;
            }
            it.remove();
        }
    }
}

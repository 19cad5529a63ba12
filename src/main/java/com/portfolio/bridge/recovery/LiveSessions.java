package com.portfolio.bridge.recovery;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sessions connected to this node, with their contract rooms as they change, and which of
 * them changed since the cluster last heard: what presence announces for recovery elsewhere.
 */
final class LiveSessions {

    record Live(String pid, String userId, Set<String> rooms, String start) {

        SessionState announced() {
            return new SessionState(userId, Set.copyOf(rooms), false, start);
        }
    }

    private final Map<String, Live> byConnection = new HashMap<>();
    private final Map<String, String> connectionByPid = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();

    synchronized void admitted(String connectionId, String pid, String userId, String start) {
        byConnection.put(connectionId, new Live(pid, userId, new HashSet<>(), start));
        connectionByPid.put(pid, connectionId);
        dirty.add(pid);
    }

    synchronized void room(String connectionId, String room, boolean joined) {
        Live live = byConnection.get(connectionId);
        if (live != null && (joined ? live.rooms().add(room) : live.rooms().remove(room))) {
            dirty.add(live.pid());
        }
    }

    /** The session leaves this node's live ones. @return it, with a copy of its rooms */
    synchronized Optional<Live> remove(String connectionId) {
        Live live = byConnection.remove(connectionId);
        if (live == null) {
            return Optional.empty();
        }
        connectionByPid.remove(live.pid());
        dirty.add(live.pid());
        return Optional.of(new Live(live.pid(), live.userId(), Set.copyOf(live.rooms()), live.start()));
    }

    synchronized boolean isLive(String pid) {
        return connectionByPid.containsKey(pid);
    }

    synchronized Optional<SessionState> state(String pid) {
        String connectionId = connectionByPid.get(pid);
        Live live = connectionId == null ? null : byConnection.get(connectionId);
        return live == null ? Optional.empty() : Optional.of(live.announced());
    }

    synchronized Set<String> drainDirty() {
        Set<String> pids = Set.copyOf(dirty);
        dirty.clear();
        return pids;
    }

    synchronized Map<String, SessionState> all() {
        Map<String, SessionState> states = new HashMap<>();
        byConnection.values().forEach(live -> states.put(live.pid(), live.announced()));
        return states;
    }
}

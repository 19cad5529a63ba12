package com.portfolio.bridge.recovery;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sessions connected to this node, by pid, and which of them changed since the cluster last
 * heard: what presence announces for recovery elsewhere. Each connection holds its own
 * {@link LiveSession}; this index only answers by pid.
 */
final class LiveSessions {

    private final Map<String, LiveSession> byPid = new HashMap<>();
    private final Set<String> dirty = new HashSet<>();

    synchronized void admitted(LiveSession live) {
        byPid.put(live.pid(), live);
        dirty.add(live.pid());
    }

    synchronized void room(LiveSession live, String room, boolean joined) {
        if (byPid.get(live.pid()) == live && (joined ? live.rooms.add(room) : live.rooms.remove(room))) {
            dirty.add(live.pid());
        }
    }

    /** The session leaves this node's live ones (if it still is one). @return its rooms then */
    synchronized Optional<Set<String>> remove(LiveSession live) {
        if (!byPid.remove(live.pid(), live)) {
            return Optional.empty();
        }
        dirty.add(live.pid());
        return Optional.of(Set.copyOf(live.rooms));
    }

    synchronized boolean isLive(String pid) {
        return byPid.containsKey(pid);
    }

    synchronized Optional<SessionState> state(String pid) {
        return Optional.ofNullable(byPid.get(pid)).map(LiveSession::announced);
    }

    synchronized Set<String> drainDirty() {
        Set<String> pids = Set.copyOf(dirty);
        dirty.clear();
        return pids;
    }

    synchronized Map<String, SessionState> all() {
        Map<String, SessionState> states = new HashMap<>();
        byPid.values().forEach(live -> states.put(live.pid(), live.announced()));
        return states;
    }
}

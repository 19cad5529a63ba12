package com.portfolio.bridge.presence;

import com.portfolio.bridge.recovery.Session;
import com.portfolio.bridge.recovery.SessionState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/** What one other node has announced of itself; not thread-safe (the view's lock guards it). */
final class NodeState {

    private static final Logger LOG = Logger.getLogger(NodeState.class.getName());

    final String node;
    final String run;
    long seq = -1;
    boolean warming;
    long lastHeardMs;
    long lastSyncAskMs = Long.MIN_VALUE / 2;
    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Map<String, Integer>> members = new HashMap<>();
    private final Map<String, SessionState> sessions = new HashMap<>();
    /** When each of its sessions was first announced gone (this node's clock). */
    private final Map<String, Long> goneAtMs = new HashMap<>();

    NodeState(String node, String run) {
        this.node = node;
        this.run = run;
    }

    /** Applies the sessions' states. @return the pids now connected to that node */
    Set<String> applySessions(Announcement delta, long nowMs) {
        Set<String> connected = new HashSet<>();
        delta.sessions().forEach((pid, state) -> {
            if (state == null) {
                LOG.fine(() -> "session " + pid + " of node " + node + " ended there, not recoverable");
                sessions.remove(pid);
                goneAtMs.remove(pid);
                return;
            }
            sessions.put(pid, state);
            if (state.gone()) {
                goneAtMs.putIfAbsent(pid, nowMs);
            } else {
                goneAtMs.remove(pid);
                connected.add(pid);
            }
        });
        return connected;
    }

    /** A session of that node, as a recoverable one: connected ones count as gone now. */
    Optional<Session> session(String pid, long nowMs) {
        SessionState state = sessions.get(pid);
        return state == null ? Optional.empty()
                : Optional.of(new Session(pid, state.userId(), state.rooms(), goneAtMs.getOrDefault(pid, nowMs), state.start()));
    }

    /**
     * A command for the user, applied here too: should the node die before announcing it, the
     * session restored elsewhere still reflects it. @param room null: the sessions end
     */
    void command(String userId, String room, boolean join) {
        if (room == null) {
            sessions.values().removeIf(state -> state.userId().equals(userId));
            goneAtMs.keySet().retainAll(sessions.keySet());
            return;
        }
        sessions.replaceAll((pid, state) -> !state.userId().equals(userId) ? state
                : new SessionState(userId, SessionState.afterCommand(state.rooms(), room, join), state.gone(), state.start()));
    }

    /** All its sessions, for when the node itself is gone. */
    List<Session> sessions(long nowMs) {
        return sessions.keySet().stream().flatMap(pid -> session(pid, nowMs).stream()).toList();
    }

    /** Applies absolute counts. @return users whose socket count changed */
    Set<String> apply(Announcement delta) {
        Set<String> changed = new HashSet<>();
        delta.users().forEach((user, count) -> {
            Integer before = count == 0 ? users.remove(user) : users.put(user, count);
            if (before == null ? count != 0 : before.intValue() != count) {
                changed.add(user);
            }
        });
        delta.members().forEach((conversation, counts) -> counts.forEach((user, count) -> {
            if (count == 0) {
                members.computeIfPresent(conversation, (c, inRoom) -> {
                    inRoom.remove(user);
                    return inRoom.isEmpty() ? null : inRoom;
                });
            } else {
                members.computeIfAbsent(conversation, c -> new HashMap<>()).put(user, count);
            }
        }));
        return changed;
    }

    /** Replaces everything with a snapshot. @return users whose socket count changed */
    Set<String> replace(Announcement snapshot) {
        Set<String> changed = new HashSet<>(users.keySet());
        changed.addAll(snapshot.users().keySet());
        Map<String, Integer> before = new HashMap<>(users);
        users.clear();
        members.clear();
        sessions.keySet().retainAll(snapshot.sessions().keySet());
        goneAtMs.keySet().retainAll(snapshot.sessions().keySet());
        apply(snapshot);
        changed.removeIf(user -> before.getOrDefault(user, 0).equals(users.getOrDefault(user, 0)));
        return changed;
    }

    int sockets(String user) {
        return users.getOrDefault(user, 0);
    }

    Set<String> users() {
        return Set.copyOf(users.keySet());
    }

    Map<String, Integer> members(String conversation) {
        return members.getOrDefault(conversation, Map.of());
    }
}

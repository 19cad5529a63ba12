package com.portfolio.bridge.presence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What one other node has announced of itself; not thread-safe (the view's lock guards it). */
final class NodeState {

    final String node;
    final String run;
    long seq = -1;
    boolean warming;
    long lastHeardMs;
    long lastSyncAskMs = Long.MIN_VALUE / 2;
    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Map<String, Integer>> members = new HashMap<>();

    NodeState(String node, String run) {
        this.node = node;
        this.run = run;
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

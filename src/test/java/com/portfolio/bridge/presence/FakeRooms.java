package com.portfolio.bridge.presence;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** One node's rooms for the protocol tests: sockets per user and per (conversation, user). */
final class FakeRooms implements LocalCounts {

    private final Map<String, Integer> users = new HashMap<>();
    private final Map<String, Map<String, Integer>> members = new HashMap<>();
    private final Set<String> dirtyUsers = new HashSet<>();
    private final Map<String, Set<String>> dirtyMembers = new HashMap<>();

    void sockets(String userId, int count) {
        if (count == 0) {
            users.remove(userId);
            members.values().forEach(room -> room.remove(userId));
        } else {
            users.put(userId, count);
        }
        dirtyUsers.add(userId);
    }

    void join(String conversationId, String userId, int sockets) {
        members.computeIfAbsent(conversationId, c -> new HashMap<>()).put(userId, sockets);
        dirtyMembers.computeIfAbsent(conversationId, c -> new HashSet<>()).add(userId);
    }

    @Override
    public Map<String, Integer> drainUsers() {
        Map<String, Integer> out = new HashMap<>();
        dirtyUsers.forEach(u -> out.put(u, sockets(u)));
        dirtyUsers.clear();
        return out;
    }

    @Override
    public Map<String, Map<String, Integer>> drainMembers() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        dirtyMembers.forEach((c, us) -> us.forEach(u -> out.computeIfAbsent(c, k -> new HashMap<>())
                .put(u, members.getOrDefault(c, Map.of()).getOrDefault(u, 0))));
        dirtyMembers.clear();
        return out;
    }

    @Override
    public Map<String, Integer> allUsers() {
        return new HashMap<>(users);
    }

    @Override
    public Map<String, Map<String, Integer>> allMembers() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        members.forEach((c, us) -> out.put(c, new HashMap<>(us)));
        return out;
    }

    @Override
    public int sockets(String userId) {
        return users.getOrDefault(userId, 0);
    }

    @Override
    public Map<String, Integer> conversation(String conversationId) {
        return new HashMap<>(members.getOrDefault(conversationId, Map.of()));
    }
}

package com.portfolio.bridge.presence;

import com.portfolio.bridge.realtime.LocalCounts;
import com.portfolio.bridge.recovery.Session;
import com.portfolio.bridge.recovery.SessionState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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

    private final Map<String, SessionState> sessions = new HashMap<>();
    private final Set<String> dirtySessions = new HashSet<>();
    final Set<String> claimed = new HashSet<>();
    final List<Session> adopted = new ArrayList<>();

    void session(String pid, SessionState state) {
        sessions.put(pid, state);
        dirtySessions.add(pid);
    }

    @Override
    public Map<String, SessionState> drainSessions() {
        Map<String, SessionState> out = new HashMap<>();
        dirtySessions.forEach(pid -> out.put(pid, sessions.get(pid)));
        dirtySessions.clear();
        return out;
    }

    @Override
    public Map<String, SessionState> allSessions() {
        return new HashMap<>(sessions);
    }

    @Override
    public void claimedElsewhere(Set<String> pids) {
        claimed.addAll(pids);
    }

    @Override
    public void adopt(List<Session> orphans) {
        adopted.addAll(orphans);
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

package com.portfolio.bridge.realtime;

import com.portfolio.bridge.metrics.SocketMetrics;
import com.portfolio.bridge.recovery.LiveSession;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.recovery.Session;
import com.portfolio.bridge.recovery.SessionState;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's presence, read from its rooms: sockets per user, and which users are in each
 * conversation. Marks what changed so the cluster hears only that; the counts it hands out are
 * read when asked (absolute), so a change that races a drain is simply sent again next time.
 */
public final class RoomPresence implements LocalCounts {

    /** A user in a conversation: what a membership count is kept for. */
    private record Membership(String conversationId, String userId) {
    }

    private final Set<String> dirtyUsers = ConcurrentHashMap.newKeySet();
    private final Set<Membership> dirtyMembers = ConcurrentHashMap.newKeySet();
    private volatile RoomRegistry rooms;
    private volatile Recovery recovery;
    private volatile Connections connections;
    private volatile SocketMetrics metrics;

    void attach(RoomRegistry registry, Recovery sessions, Connections open, SocketMetrics joins) {
        this.rooms = registry;
        this.recovery = sessions;
        this.connections = open;
        this.metrics = joins;
    }

    void joined(String room, Connection connection) {
        if (RoomNames.isConversation(room)) {
            metrics.joinedConversation();
        }
        changed(room, connection, true);
    }

    void left(String room, Connection connection) {
        changed(room, connection, false);
    }

    // Only contract rooms count (not a socket's own id room); recovery follows them too.
    private void changed(String room, Connection connection, boolean joined) {
        String userId = RoomNames.userOf(room);
        if (userId != null) {
            dirtyUsers.add(userId);
        } else if (RoomNames.isConversation(room)) {
            connection.user().ifPresent(user ->
                    dirtyMembers.add(new Membership(RoomNames.conversationOf(room), user.userId())));
        } else {
            return;
        }
        LiveSession session = connection.session();
        if (session != null) {
            recovery.room(session, room, joined);
        }
    }

    @Override
    public Map<String, Integer> drainUsers() {
        Map<String, Integer> counts = new HashMap<>();
        for (Iterator<String> it = dirtyUsers.iterator(); it.hasNext();) {
            String userId = it.next();
            it.remove();
            counts.put(userId, sockets(userId));
        }
        return counts;
    }

    @Override
    public Map<String, Map<String, Integer>> drainMembers() {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (Iterator<Membership> it = dirtyMembers.iterator(); it.hasNext();) {
            Membership m = it.next();
            it.remove();
            counts.computeIfAbsent(m.conversationId(), c -> new HashMap<>()).put(m.userId(), inConversation(m));
        }
        return counts;
    }

    @Override
    public Map<String, Integer> allUsers() {
        Map<String, Integer> counts = new HashMap<>();
        for (String room : rooms.roomsStartingWith(RoomNames.USER_PREFIX)) {
            int size = rooms.size(room);
            if (size > 0) {
                counts.put(RoomNames.userOf(room), size);
            }
        }
        return counts;
    }

    @Override
    public Map<String, Map<String, Integer>> allMembers() {
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String room : rooms.roomsStartingWith(RoomNames.CONVERSATION_PREFIX)) {
            String conversationId = RoomNames.conversationOf(room);
            Map<String, Integer> users = conversation(conversationId);
            if (!users.isEmpty()) {
                counts.put(conversationId, users);
            }
        }
        return counts;
    }

    @Override
    public Map<String, SessionState> drainSessions() {
        return recovery.drainSessions();
    }

    @Override
    public Map<String, SessionState> allSessions() {
        return recovery.allSessions();
    }

    @Override
    public void claimedElsewhere(Set<String> pids) {
        recovery.claimedElsewhere(pids);
    }

    @Override
    public void adopt(List<Session> orphans) {
        recovery.adopt(orphans);
    }

    @Override
    public int sockets(String userId) {
        return rooms.size(RoomNames.user(userId));
    }

    @Override
    public Map<String, Integer> conversation(String conversationId) {
        Map<String, Integer> users = new HashMap<>();
        for (SocketIoSocket socket : rooms.listClients(RoomNames.conversation(conversationId))) {
            connections.of(socket).flatMap(Connection::user).ifPresent(user -> users.merge(user.userId(), 1, Integer::sum));
        }
        return users;
    }

    private int inConversation(Membership m) {
        String room = RoomNames.conversation(m.conversationId());
        return (int) Arrays.stream(rooms.listClients(RoomNames.user(m.userId()))).filter(s -> rooms.inRoom(s, room)).count();
    }
}

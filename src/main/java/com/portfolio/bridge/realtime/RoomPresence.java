package com.portfolio.bridge.realtime;

import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.recovery.Session;
import com.portfolio.bridge.recovery.SessionState;
import com.portfolio.bridge.vocabulary.RoomNames;
import java.util.List;
import io.socket.socketio.server.SocketIoSocket;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This node's presence, read from its rooms: sockets per user, and which users are in each
 * conversation. Marks what changed so the cluster hears only that; the counts it hands out are
 * read when asked (absolute), so a change that races a drain is simply sent again next time.
 */
public final class RoomPresence implements RoomRegistry.Listener, LocalCounts {

    /** A user in a conversation: what a membership count is kept for. */
    private record Membership(String conversationId, String userId) {
    }

    private final Map<String, String> userOfSocket = new ConcurrentHashMap<>();
    private final Set<String> dirtyUsers = ConcurrentHashMap.newKeySet();
    private final Set<Membership> dirtyMembers = ConcurrentHashMap.newKeySet();
    private volatile RoomRegistry rooms;
    private volatile Recovery recovery;

    void attach(RoomRegistry registry, Recovery sessions) {
        this.rooms = registry;
        this.recovery = sessions;
    }

    @Override
    public void joined(String room, SocketIoSocket socket) {
        String userId = RoomNames.userOf(room);
        if (userId != null) {
            userOfSocket.put(socket.getId(), userId);
            dirtyUsers.add(userId);
            recovery.room(socket.getClient().getId(), room, true);
        } else if (RoomNames.isConversation(room)) {
            markMember(room, socket.getId());
            recovery.room(socket.getClient().getId(), room, true);
        }
    }

    @Override
    public void left(String room, SocketIoSocket socket, boolean lastRoom) {
        if (RoomNames.isUser(room)) {
            dirtyUsers.add(RoomNames.userOf(room));
            recovery.room(socket.getClient().getId(), room, false);
        } else if (RoomNames.isConversation(room)) {
            markMember(room, socket.getId());
            recovery.room(socket.getClient().getId(), room, false);
        }
        if (lastRoom) {
            userOfSocket.remove(socket.getId());
        }
    }

    private void markMember(String room, String socketId) {
        String userId = userOfSocket.get(socketId);
        if (userId != null) {
            dirtyMembers.add(new Membership(RoomNames.conversationOf(room), userId));
        }
    }

    /** The users whose socket count changed since the last call, with their count now. */
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

    /** The memberships that changed since the last call: conversation → user → sockets in it now. */
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

    /** User → sockets of theirs in the conversation, on this node. */
    @Override
    public Map<String, Integer> conversation(String conversationId) {
        Map<String, Integer> users = new HashMap<>();
        for (SocketIoSocket socket : rooms.listClients(RoomNames.conversation(conversationId))) {
            String userId = userOfSocket.get(socket.getId());
            if (userId != null) {
                users.merge(userId, 1, Integer::sum);
            }
        }
        return users;
    }

    private int inConversation(Membership m) {
        String room = RoomNames.conversation(m.conversationId());
        int count = 0;
        for (SocketIoSocket socket : rooms.listClients(RoomNames.user(m.userId()))) {
            if (rooms.roomsOf(socket.getId()).contains(room)) {
                count++;
            }
        }
        return count;
    }
}

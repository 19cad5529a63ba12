package com.portfolio.bridge.realtime;

import com.portfolio.bridge.socketio.Frames;
import com.portfolio.bridge.socketio.RoomAdapter;
import com.portfolio.bridge.socketio.Sockets;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Room membership of one namespace, without the library adapter's global lock: joins, leaves
 * and broadcasts to different rooms run in parallel. A broadcast is encoded once, not once per
 * socket. A socket's admission (see {@link RoomAdapter}) is handed to {@code onAdmitted}, so the
 * server can add its rooms in time.
 */
public final class RoomRegistry extends RoomAdapter {

    private final Map<String, Set<SocketIoSocket>> members = new ConcurrentHashMap<>();
    private final Connections connections;
    // Told of every real change of membership, after it is made (presence follows rooms).
    private final RoomPresence listener;

    RoomRegistry(SocketIoNamespace namespace, Connections connections, Consumer<SocketIoSocket> onAdmitted, RoomPresence listener) {
        super(namespace, onAdmitted);
        this.connections = connections;
        this.listener = listener;
    }

    // A socket's own rooms are kept on its connection, changed under the room's lock with the
    // members, so the two never disagree; a socket whose connection closed joins nothing.
    @Override
    protected void join(String room, SocketIoSocket socket) {
        Connection connection = connections.find(socket);
        if (connection == null) {
            return;
        }
        boolean[] added = new boolean[1];
        members.compute(room, (k, set) -> {
            Set<SocketIoSocket> s = set != null ? set : ConcurrentHashMap.newKeySet();
            added[0] = s.add(socket);
            connection.rooms().add(room);
            return s;
        });
        if (added[0]) {
            listener.joined(room, connection);
        }
    }

    @Override
    public void remove(String room, SocketIoSocket socket) {
        Connection connection = connections.find(socket);
        boolean[] removed = new boolean[1];
        members.computeIfPresent(room, (k, set) -> {
            removed[0] = set.remove(socket);
            if (connection != null) {
                connection.rooms().remove(room);
            }
            return set.isEmpty() ? null : set;
        });
        if (removed[0] && connection != null) {
            listener.left(room, connection);
        }
    }

    @Override
    public SocketIoSocket[] listClients(String room) {
        return members.getOrDefault(room, Set.of()).toArray(new SocketIoSocket[0]);
    }

    @Override
    public String[] listClientRooms(SocketIoSocket socket) {
        return connections.of(socket).map(c -> c.rooms().toArray(new String[0])).orElse(new String[0]);
    }

    @Override
    public void broadcast(Packet<?> packet, String[] rooms, String[] socketsExcluded) {
        packet.nsp = mNamespace.getName();
        List<Object> frames = Frames.encode(packet);
        Set<String> excluded = socketsExcluded == null ? Set.of() : Set.of(socketsExcluded);
        Set<SocketIoSocket> targets = Arrays.stream(rooms == null ? members.keySet().toArray(new String[0]) : rooms)
                .flatMap(room -> members.getOrDefault(room, Set.of()).stream())
                .filter(socket -> !excluded.contains(socket.getId()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        targets.forEach(socket -> frames.forEach(frame -> Sockets.send(socket, frame)));
    }

    /** Sends an already encoded Socket.IO text frame to every socket in {@code room}. */
    public int broadcastFrame(String room, String frame) {
        // No connection lookup: with recovery off, the frame is the same for every socket.
        int sent = 0;
        for (SocketIoSocket socket : members.getOrDefault(room, Set.of())) {
            if (Sockets.send(socket, frame)) {
                sent++;
            }
        }
        return sent;
    }

    /** The rooms whose name starts with {@code prefix} (a snapshot). */
    List<String> roomsStartingWith(String prefix) {
        return members.keySet().stream().filter(room -> room.startsWith(prefix)).toList();
    }

    /** Hands every socket in {@code room}, with its connection, to {@code send} (which delivers its own frame). @return how many took it */
    int broadcastEach(String room, BiPredicate<SocketIoSocket, Connection> send) {
        int sent = 0;
        for (SocketIoSocket socket : members.getOrDefault(room, Set.of())) {
            Connection connection = connections.find(socket);
            if (connection != null && send.test(socket, connection)) {
                sent++;
            }
        }
        return sent;
    }

    public int size(String room) {
        return members.getOrDefault(room, Set.of()).size();
    }

    boolean inRoom(SocketIoSocket socket, String room) {
        return connections.of(socket).map(c -> c.rooms().contains(room)).orElse(false);
    }

    /** How many conversations the socket is in (what conversations-per-socket bounds). */
    long conversationCount(SocketIoSocket socket) {
        return connections.of(socket).map(c -> c.rooms().stream().filter(RoomNames::isConversation).count()).orElse(0L);
    }
}

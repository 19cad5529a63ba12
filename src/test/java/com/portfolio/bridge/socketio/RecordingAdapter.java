package com.portfolio.bridge.socketio;

import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.parser.Packet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** An adapter that keeps rooms in maps and logs "add:room" / "remove:room" / "broadcast". */
final class RecordingAdapter extends SocketIoAdapter {
    final List<String> log;
    volatile Consumer<SocketIoSocket> onOwnRoom = socket -> { };
    private final Map<String, Set<SocketIoSocket>> rooms = new ConcurrentHashMap<>();

    RecordingAdapter(SocketIoNamespace namespace, List<String> log) {
        super(namespace);
        this.log = log;
    }

    @Override
    public void broadcast(Packet<?> packet, String[] to, String[] except) {
        log.add("broadcast");
    }

    @Override
    public void add(String room, SocketIoSocket socket) {
        log.add("add:" + room);
        rooms.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(socket);
        if (room.equals(socket.getId())) {
            onOwnRoom.accept(socket);
        }
    }

    @Override
    public void remove(String room, SocketIoSocket socket) {
        log.add("remove:" + room);
        rooms.getOrDefault(room, Set.of()).remove(socket);
    }

    @Override
    public SocketIoSocket[] listClients(String room) {
        return rooms.getOrDefault(room, Set.of()).toArray(new SocketIoSocket[0]);
    }

    @Override
    public String[] listClientRooms(SocketIoSocket socket) {
        return rooms.entrySet().stream().filter(e -> e.getValue().contains(socket)).map(Map.Entry::getKey)
                .toArray(String[]::new);
    }
}

package com.portfolio.bridge.socketio;

import io.socket.socketio.server.SocketIoAdapter;
import io.socket.socketio.server.SocketIoNamespace;
import io.socket.socketio.server.SocketIoSocket;
import java.util.function.Consumer;

/**
 * The library's room adapter, plus the moment a socket is admitted: the library joins a new
 * socket to its own id room before it acknowledges CONNECT (RoomAssumptionsTest), and a room
 * joined then is in place before the client hears {@code connect} — so the first event after
 * it already reaches the socket.
 */
public abstract class RoomAdapter extends SocketIoAdapter {

    private final Consumer<SocketIoSocket> onAdmitted;

    protected RoomAdapter(SocketIoNamespace namespace, Consumer<SocketIoSocket> onAdmitted) {
        super(namespace);
        this.onAdmitted = onAdmitted;
    }

    @Override
    public final void add(String room, SocketIoSocket socket) {
        join(room, socket);
        if (room.equals(socket.getId())) {
            onAdmitted.accept(socket);
        }
    }

    /** What {@link SocketIoAdapter#add} does. */
    protected abstract void join(String room, SocketIoSocket socket);
}

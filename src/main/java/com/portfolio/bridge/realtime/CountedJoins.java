package com.portfolio.bridge.realtime;

import io.socket.socketio.server.SocketIoSocket;

/** Passes room changes on to presence, counting each conversation joined for the metrics. */
final class CountedJoins implements RoomRegistry.Listener {

    private final RoomRegistry.Listener next;
    private final SocketMetrics metrics;

    CountedJoins(RoomRegistry.Listener next, SocketMetrics metrics) {
        this.next = next;
        this.metrics = metrics;
    }

    @Override
    public void joined(String room, SocketIoSocket socket) {
        if (room.startsWith(RoomNames.CONVERSATION_PREFIX)) {
            metrics.joinedConversation();
        }
        next.joined(room, socket);
    }

    @Override
    public void left(String room, SocketIoSocket socket, boolean lastRoom) {
        next.left(room, socket, lastRoom);
    }
}

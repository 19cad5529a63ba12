package com.portfolio.bridge.realtime;

import com.portfolio.bridge.metrics.SocketMetrics;
import com.portfolio.bridge.vocabulary.RoomNames;
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
        if (RoomNames.isConversation(room)) {
            metrics.joinedConversation();
        }
        next.joined(room, socket);
    }

    @Override
    public void left(String room, SocketIoSocket socket, boolean lastRoom) {
        next.left(room, socket, lastRoom);
    }
}

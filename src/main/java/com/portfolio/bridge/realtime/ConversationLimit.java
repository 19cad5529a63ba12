package com.portfolio.bridge.realtime;

import io.socket.socketio.server.SocketIoSocket;

/**
 * {@code portfolio.limits.conversations-per-socket}: how many conversation rooms one socket may
 * be in, whoever asks for the join (the client, or a backend's command).
 */
record ConversationLimit(int max) {

    boolean reachedBy(RoomRegistry rooms, SocketIoSocket socket) {
        return rooms.conversationCount(socket) >= max;
    }

    String refusal() {
        return "too many conversations: at most " + max + " per socket";
    }
}

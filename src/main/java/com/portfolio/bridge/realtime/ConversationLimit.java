package com.portfolio.bridge.realtime;

/**
 * {@code portfolio.limits.conversations-per-socket}: how many conversation rooms one socket may
 * be in, whoever asks for the join (the client, or a backend's command).
 */
record ConversationLimit(int max) {

    boolean reachedBy(RoomRegistry rooms, String socketId) {
        return rooms.conversationCount(socketId) >= max;
    }

    String refusal() {
        return "too many conversations: at most " + max + " per socket";
    }
}

package com.portfolio.bridge.realtime;

/** The room names of the client contract. */
public final class RoomNames {

    public static final String USER_PREFIX = "portfolio-user-";
    public static final String CONVERSATION_PREFIX = "portfolio-conversation-";

    private RoomNames() {
    }

    public static String user(String userId) {
        return USER_PREFIX + userId;
    }

    public static String conversation(String conversationId) {
        return CONVERSATION_PREFIX + conversationId;
    }
}

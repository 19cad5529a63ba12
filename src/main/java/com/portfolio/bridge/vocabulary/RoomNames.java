package com.portfolio.bridge.vocabulary;

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

    public static boolean isUser(String room) {
        return room.startsWith(USER_PREFIX);
    }

    public static boolean isConversation(String room) {
        return room.startsWith(CONVERSATION_PREFIX);
    }

    /** The user id a user room is named after, or null when {@code room} is not a user room. */
    public static String userOf(String room) {
        return isUser(room) ? room.substring(USER_PREFIX.length()) : null;
    }

    /** The conversation id a conversation room is named after, or null when it is not one. */
    public static String conversationOf(String room) {
        return isConversation(room) ? room.substring(CONVERSATION_PREFIX.length()) : null;
    }
}

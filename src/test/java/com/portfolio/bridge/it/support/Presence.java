package com.portfolio.bridge.it.support;

import java.util.List;
import org.json.JSONObject;

/**
 * What a backend reads of presence on this node through the HTTP API ({@code GET /users/{id}},
 * {@code GET /conversations/{id}}): the sockets a user has, and who is in a conversation's room.
 * Both are read from the rooms when asked, so they follow joins and leaves at once.
 */
public final class Presence {

    private Presence() {
    }

    /** The user's sockets, that is, the members of its user room. */
    public static int userSockets(String userId) {
        return ApiClient.get(Ports.http(), "/users/" + userId).getInt("sockets");
    }

    /** The sockets in the conversation's room. */
    public static int conversationSockets(String conversationId) {
        return conversation(conversationId).getInt("sockets");
    }

    /** The users with a socket in the conversation's room, sorted. */
    public static List<String> conversationUsers(String conversationId) {
        return conversation(conversationId).getJSONArray("users").toList().stream().map(String::valueOf).toList();
    }

    private static JSONObject conversation(String conversationId) {
        return ApiClient.get(Ports.http(), "/conversations/" + conversationId);
    }
}

package com.portfolio.bridge.realtime;

import org.json.JSONObject;

/**
 * The contract's two server events, sent to their room. A plain object the namespace singleton
 * hands out, so the bus's emit path (thousands of calls a second) skips the EJB container's
 * per-call work: interceptors and a CDI request scope each time.
 */
public final class RoomBroadcasts {

    static final String NOTIFICATION_EVENT = "notification:new";
    static final String MESSAGE_EVENT = "message:new";

    private final RoomRegistry rooms;

    RoomBroadcasts(RoomRegistry rooms) {
        this.rooms = rooms;
    }

    /** Emits {@code notification:new} with the producer's JSON document, as is, to the user's room. */
    public int notificationCreated(String userId, String documentJson) {
        return rooms.broadcastFrame(RoomNames.user(userId), frame(NOTIFICATION_EVENT, documentJson));
    }

    /** Emits {@code message:new} with the producer's JSON document, as is, to the conversation's room. */
    public int messagePosted(String conversationId, String documentJson) {
        return rooms.broadcastFrame(RoomNames.conversation(conversationId), frame(MESSAGE_EVENT, documentJson));
    }

    // An EVENT packet text frame; the document is spliced in verbatim so producers' JSON is untouched.
    private static String frame(String event, String documentJson) {
        return "2" + PortfolioNamespace.NAME + ",[" + JSONObject.quote(event) + "," + documentJson + "]";
    }
}

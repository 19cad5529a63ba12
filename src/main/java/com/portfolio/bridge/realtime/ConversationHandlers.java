package com.portfolio.bridge.realtime;

import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import java.util.logging.Logger;
import org.json.JSONObject;

/** The client → server events of the contract: join-conversation and leave-conversation. */
final class ConversationHandlers {

    static final String JOIN = "join-conversation";
    static final String LEAVE = "leave-conversation";
    private static final Logger LOG = Logger.getLogger(ConversationHandlers.class.getName());

    private ConversationHandlers() {
    }

    static void register(SocketIoSocket socket, RoomRegistry rooms, int maxConversations) {
        socket.on(JOIN, args -> handle(socket, args, true, rooms, maxConversations));
        socket.on(LEAVE, args -> handle(socket, args, false, rooms, maxConversations));
    }

    private static void handle(SocketIoSocket socket, Object[] args, boolean join, RoomRegistry rooms,
            int maxConversations) {
        ReceivedByLocalAcknowledgementCallback ack = args.length > 0
                && args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback callback ? callback : null;
        int payloadCount = ack == null ? args.length : args.length - 1;
        JSONObject answer;
        try {
            String id = ConversationIds.validate(payloadCount > 0 ? args[0] : null);
            String room = RoomNames.conversation(id);
            if (join) {
                if (!rooms.roomsOf(socket.getId()).contains(room)
                        && conversationCount(rooms, socket) >= maxConversations) {
                    throw new IllegalArgumentException("too many conversations: at most " + maxConversations
                            + " per socket");
                }
                socket.joinRoom(room);
            } else {
                socket.leaveRoom(room);
            }
            answer = new JSONObject().put("ok", true);
        } catch (IllegalArgumentException e) {
            LOG.fine(() -> "socket " + socket.getId() + " sent a bad conversation id: " + e.getMessage());
            answer = new JSONObject().put("ok", false).put("error", e.getMessage());
        }
        if (ack != null) {
            ack.sendAcknowledgement(answer);
        }
    }

    private static long conversationCount(RoomRegistry rooms, SocketIoSocket socket) {
        return rooms.roomsOf(socket.getId()).stream().filter(r -> r.startsWith(RoomNames.CONVERSATION_PREFIX)).count();
    }
}

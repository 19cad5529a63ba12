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

    static void register(SocketIoSocket socket) {
        socket.on(JOIN, args -> handle(socket, args, true));
        socket.on(LEAVE, args -> handle(socket, args, false));
    }

    private static void handle(SocketIoSocket socket, Object[] args, boolean join) {
        ReceivedByLocalAcknowledgementCallback ack = args.length > 0
                && args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback callback ? callback : null;
        int payloadCount = ack == null ? args.length : args.length - 1;
        JSONObject answer;
        try {
            String id = ConversationIds.validate(payloadCount > 0 ? args[0] : null);
            String room = RoomNames.conversation(id);
            if (join) {
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
}

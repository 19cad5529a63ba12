package com.portfolio.bridge.realtime;

import com.portfolio.bridge.socketio.Sockets;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoSocket;
import java.util.logging.Logger;

/**
 * A backend's commands applied to this node's sockets of one user: the user's room lists them.
 * A server-side join is trusted (no access check) but still bounded by conversations-per-socket.
 */
final class UserCommands {

    private static final Logger LOG = Logger.getLogger(UserCommands.class.getName());

    private final RoomRegistry rooms;
    private final ConversationLimit limit;

    UserCommands(RoomRegistry rooms, ConversationLimit limit) {
        this.rooms = rooms;
        this.limit = limit;
    }

    /** @return how many of the user's sockets are in the conversation now */
    int join(String userId, String conversationId) {
        String room = RoomNames.conversation(conversationId);
        int in = 0;
        for (SocketIoSocket socket : sockets(userId)) {
            if (rooms.inRoom(socket, room)) {
                in++;
            } else if (limit.reachedBy(rooms, socket)) {
                LOG.warning(() -> "join command: socket " + socket.getId() + " of user " + userId
                        + " is at the conversations-per-socket limit; not joined to " + conversationId);
            } else {
                socket.joinRoom(room);
                in++;
            }
        }
        return in;
    }

    /** @return how many of the user's sockets left the conversation */
    int leave(String userId, String conversationId) {
        String room = RoomNames.conversation(conversationId);
        int left = 0;
        for (SocketIoSocket socket : sockets(userId)) {
            if (rooms.inRoom(socket, room)) {
                socket.leaveRoom(room);
                left++;
            }
        }
        return left;
    }

    /** Ends every socket of the user ({@code io server disconnect}). @return how many */
    int disconnect(String userId) {
        SocketIoSocket[] sockets = sockets(userId);
        for (SocketIoSocket socket : sockets) {
            Sockets.end(socket);
        }
        return sockets.length;
    }

    private SocketIoSocket[] sockets(String userId) {
        return rooms.listClients(RoomNames.user(userId));
    }

}

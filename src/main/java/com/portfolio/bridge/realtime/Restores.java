package com.portfolio.bridge.realtime;

import com.portfolio.bridge.access.AccessDecision;
import com.portfolio.bridge.access.ConversationAccess;
import com.portfolio.bridge.auth.AuthenticatedUser;
import com.portfolio.bridge.recovery.Offset;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.recovery.Restore;
import com.portfolio.bridge.recovery.BufferedEvent;
import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoSocket;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Restores admitted sessions: each room is replayed from the client's position and rejoined on
 * that room's lane, in one go. Conversations are checked against the access policy again first
 * (a member removed meanwhile gets neither the room nor what it missed).
 */
final class Restores {

    private static final Logger LOG = Logger.getLogger(Restores.class.getName());

    private final Recovery recovery;
    private final Sequencer sequencer;
    private final ConversationAccess access;

    Restores(Recovery recovery, Sequencer sequencer, ConversationAccess access) {
        this.recovery = recovery;
        this.sequencer = sequencer;
        this.access = access;
    }

    /** After the CONNECT answer: replay and rejoin every room of the session. */
    void start(SocketIoSocket socket, Connection connection) {
        Restore restore = connection.startRestore();
        AuthenticatedUser user = connection.user().orElse(null);
        if (restore == null || user == null) {
            return;
        }
        LOG.fine(() -> "restoring socket " + socket.getId() + " of user " + user.userId() + " into " + restore.session().rooms());
        for (String room : restore.session().rooms()) {
            String userId = RoomNames.userOf(room);
            if (userId != null) {
                sequencer.run(EventKind.NOTIFICATION, userId, () -> rejoin(socket, connection, room, Offset.NOTIFICATIONS, restore));
                continue;
            }
            String conversationId = RoomNames.conversationOf(room);
            access.check(user.userId(), user.token(), conversationId).thenAccept(decision -> {
                if (decision == AccessDecision.ALLOWED) {
                    sequencer.run(EventKind.MESSAGE, conversationId, () -> rejoin(socket, connection, room, Offset.MESSAGES, restore));
                } else {
                    LOG.info(() -> "restored socket " + socket.getId() + " of user " + user.userId() + " not back in "
                            + room + ": " + decision.error());
                    connection.roomRestored();
                }
            });
        }
    }

    private void rejoin(SocketIoSocket socket, Connection connection, String room, int stream, Restore restore) {
        try {
            if (!socket.isConnected()) {
                LOG.fine(() -> "restored socket " + socket.getId() + " gone before it was back in " + room);
                return;
            }
            Optional<List<BufferedEvent>> missed = recovery.buffers().since(room, restore.after()[stream],
                    restore.exclude().get(stream));
            if (missed.isEmpty()) {
                // Dropped between the decision and now (a burst): reconnecting afresh beats a gap.
                LOG.warning(() -> "restore of socket " + socket.getId() + " lost " + room + "'s backlog; closing it");
                socket.getClient().getConnection().close();
                return;
            }
            missed.get().forEach(entry -> Delivery.replay(socket, connection.session(), entry, recovery));
            socket.joinRoom(room);
            LOG.fine(() -> "restored socket " + socket.getId() + " back in " + room + " with " + missed.get().size() + " missed events");
        } finally {
            connection.roomRestored();
        }
    }
}

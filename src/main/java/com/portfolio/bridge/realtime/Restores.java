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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
    private final Map<String, Restore> pending = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unfinished = new ConcurrentHashMap<>();

    Restores(Recovery recovery, Sequencer sequencer, ConversationAccess access) {
        this.recovery = recovery;
        this.sequencer = sequencer;
        this.access = access;
    }

    void admitted(String connectionId, Restore restore) {
        pending.put(connectionId, restore);
        unfinished.put(connectionId, new AtomicInteger(restore.session().rooms().size()));
    }

    boolean isRestoring(String connectionId) {
        return pending.containsKey(connectionId);
    }

    /** Still rejoining rooms: a session cut now is not kept (its rooms would be incomplete). */
    boolean isUnfinished(String connectionId) {
        AtomicInteger left = unfinished.get(connectionId);
        return left != null && left.get() > 0;
    }

    void forget(String connectionId) {
        pending.remove(connectionId);
        unfinished.remove(connectionId);
    }

    /** After the CONNECT answer: replay and rejoin every room of the session. */
    void start(SocketIoSocket socket, AuthenticatedUser user) {
        String connectionId = socket.getClient().getId();
        Restore restore = pending.remove(connectionId);
        if (restore == null) {
            return;
        }
        LOG.fine(() -> "restoring socket " + socket.getId() + " of user " + user.userId() + " into " + restore.session().rooms());
        for (String room : restore.session().rooms()) {
            String userId = RoomNames.userOf(room);
            if (userId != null) {
                sequencer.run(EventKind.NOTIFICATION, userId, () -> rejoin(socket, room, Offset.NOTIFICATIONS, restore));
                continue;
            }
            String conversationId = RoomNames.conversationOf(room);
            access.check(user.userId(), user.token(), conversationId).thenAccept(decision -> {
                if (decision == AccessDecision.ALLOWED) {
                    sequencer.run(EventKind.MESSAGE, conversationId, () -> rejoin(socket, room, Offset.MESSAGES, restore));
                } else {
                    LOG.info(() -> "restored socket " + socket.getId() + " of user " + user.userId() + " not back in "
                            + room + ": " + decision.error());
                    done(connectionId);
                }
            });
        }
    }

    private void rejoin(SocketIoSocket socket, String room, int stream, Restore restore) {
        String connectionId = socket.getClient().getId();
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
            missed.get().forEach(entry -> Delivery.replay(socket, entry, recovery));
            socket.joinRoom(room);
            LOG.fine(() -> "restored socket " + socket.getId() + " back in " + room + " with " + missed.get().size() + " missed events");
        } finally {
            done(connectionId);
        }
    }

    private void done(String connectionId) {
        AtomicInteger left = unfinished.get(connectionId);
        if (left != null && left.decrementAndGet() <= 0) {
            unfinished.remove(connectionId);
        }
    }
}

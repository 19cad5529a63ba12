package com.portfolio.bridge.realtime;

import com.portfolio.bridge.access.AccessDecision;
import com.portfolio.bridge.access.ConversationAccess;
import com.portfolio.bridge.vocabulary.ConversationIds;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.json.JSONObject;

/**
 * The client → server events of the contract: join-conversation and leave-conversation. A join
 * may wait for the access policy, so each socket's requests run one after another, in order,
 * off the connection's thread.
 */
final class ConversationHandlers {

    static final String JOIN = "join-conversation";
    static final String LEAVE = "leave-conversation";
    private static final Logger LOG = Logger.getLogger(ConversationHandlers.class.getName());

    private final RoomRegistry rooms;
    private final ConversationLimit limit;
    private final ConversationAccess access;
    private final ConnectionUsers users;
    private final Map<String, CompletableFuture<Void>> queues = new ConcurrentHashMap<>();
    private final java.util.function.Supplier<Announcements> announcements;

    ConversationHandlers(RoomRegistry rooms, ConversationLimit limit, ConversationAccess access, ConnectionUsers users,
            java.util.function.Supplier<Announcements> announcements) {
        this.announcements = announcements;
        this.rooms = rooms;
        this.limit = limit;
        this.access = access;
        this.users = users;
    }

    void register(SocketIoSocket socket) {
        queues.put(socket.getId(), CompletableFuture.completedFuture(null));
        socket.on(JOIN, args -> enqueue(socket, args, true));
        socket.on(LEAVE, args -> enqueue(socket, args, false));
        socket.on("disconnect", args -> queues.remove(socket.getId()));
    }

    private void enqueue(SocketIoSocket socket, Object[] args, boolean join) {
        ReceivedByLocalAcknowledgementCallback ack = args.length > 0
                && args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback callback ? callback : null;
        Object rawId = (ack == null ? args.length : args.length - 1) > 0 ? args[0] : null;
        queues.computeIfPresent(socket.getId(), (id, tail) -> tail
                .thenCompose(ignored -> handle(socket, rawId, join))
                .exceptionally(failure -> {
                    LOG.log(Level.WARNING, "conversation request of socket " + id + users.whose(socket.getClient().getId())
                            + " failed", failure);
                    return new JSONObject().put("ok", false).put("error", "internal error");
                })
                .thenAccept(answer -> {
                    if (ack != null) {
                        ack.sendAcknowledgement(answer);
                    }
                }));
    }

    private CompletionStage<JSONObject> handle(SocketIoSocket socket, Object rawId, boolean join) {
        String id;
        try {
            id = ConversationIds.validate(rawId);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(refusal(e.getMessage()));
        }
        String room = RoomNames.conversation(id);
        if (!join) {
            socket.leaveRoom(room);
            return announcements.get().flushed().thenApply(out -> new JSONObject().put("ok", true));
        }
        if (rooms.roomsOf(socket.getId()).contains(room)) {
            return CompletableFuture.completedFuture(new JSONObject().put("ok", true));
        }
        if (limit.reachedBy(rooms, socket.getId())) {
            return CompletableFuture.completedFuture(refusal(limit.refusal()));
        }
        return users.of(socket.getClient().getId())
                .map(user -> access.check(user.userId(), user.token(), id))
                .orElse(CompletableFuture.completedFuture(AccessDecision.FORBIDDEN))
                .thenCompose(decision -> {
                    if (decision != AccessDecision.ALLOWED) {
                        return CompletableFuture.completedFuture(refusal(decision.error()));
                    }
                    if (socket.isConnected()) {
                        socket.joinRoom(room);
                    }
                    return announcements.get().flushed().thenApply(out -> new JSONObject().put("ok", true));
                });
    }


    private static JSONObject refusal(String error) {
        return new JSONObject().put("ok", false).put("error", error);
    }
}

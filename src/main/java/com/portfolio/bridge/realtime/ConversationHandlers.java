package com.portfolio.bridge.realtime;

import com.portfolio.bridge.access.AccessDecision;
import com.portfolio.bridge.access.ConversationAccess;
import com.portfolio.bridge.vocabulary.ConversationIds;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoSocket;
import io.socket.socketio.server.SocketIoSocket.ReceivedByLocalAcknowledgementCallback;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;
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
    private final Connections connections;
    private final Supplier<Announcements> announcements;

    ConversationHandlers(RoomRegistry rooms, ConversationLimit limit, ConversationAccess access, Connections connections,
            Supplier<Announcements> announcements) {
        this.announcements = announcements;
        this.rooms = rooms;
        this.limit = limit;
        this.access = access;
        this.connections = connections;
    }

    void register(SocketIoSocket socket) {
        Queue queue = new Queue();
        socket.on(JOIN, args -> enqueue(socket, queue, args, true));
        socket.on(LEAVE, args -> enqueue(socket, queue, args, false));
        socket.on("disconnect", args -> queue.close());
    }

    // One socket's requests, answered in the order they came; the socket's listeners own it.
    private static final class Queue {
        private CompletableFuture<Void> tail = CompletableFuture.completedFuture(null);

        synchronized void add(Function<CompletableFuture<Void>, CompletableFuture<Void>> next) {
            if (tail != null) {
                tail = next.apply(tail);
            }
        }

        synchronized void close() {
            tail = null;
        }
    }

    private void enqueue(SocketIoSocket socket, Queue queue, Object[] args, boolean join) {
        ReceivedByLocalAcknowledgementCallback ack = args.length > 0
                && args[args.length - 1] instanceof ReceivedByLocalAcknowledgementCallback callback ? callback : null;
        Object rawId = (ack == null ? args.length : args.length - 1) > 0 ? args[0] : null;
        queue.add(tail -> tail
                .thenCompose(ignored -> handle(socket, rawId, join))
                .exceptionally(failure -> {
                    LOG.log(Level.WARNING, "conversation request of socket " + socket.getId()
                            + connections.whose(socket.getClient().getId()) + " failed", failure);
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
        if (rooms.inRoom(socket, room)) {
            return CompletableFuture.completedFuture(new JSONObject().put("ok", true));
        }
        if (limit.reachedBy(rooms, socket)) {
            return CompletableFuture.completedFuture(refusal(limit.refusal()));
        }
        return connections.user(socket.getClient().getId())
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

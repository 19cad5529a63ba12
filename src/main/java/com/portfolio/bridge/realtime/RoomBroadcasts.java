package com.portfolio.bridge.realtime;

import com.portfolio.bridge.recovery.Cursor;
import com.portfolio.bridge.recovery.EventIds;
import com.portfolio.bridge.recovery.EventLog;
import com.portfolio.bridge.recovery.Offset;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.recovery.BufferedEvent;
import com.portfolio.bridge.recovery.Watermarks;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoSocket;
import java.util.UUID;
import org.json.JSONObject;

/**
 * The contract's two server events, sent to their room. A plain object the namespace singleton
 * hands out, so the bus's emit path (thousands of calls a second) skips the EJB container's
 * per-call work: interceptors and a CDI request scope each time. With recovery on, each event is
 * buffered for its room and every frame carries the socket's offset as its last argument; the
 * frame is still built once for all the sockets whose offset is the common one.
 */
public final class RoomBroadcasts {

    static final String NOTIFICATION_EVENT = "notification:new";
    static final String MESSAGE_EVENT = "message:new";

    private final RoomRegistry rooms;
    private final Recovery recovery;

    RoomBroadcasts(RoomRegistry rooms, Recovery recovery) {
        this.rooms = rooms;
        this.recovery = recovery;
    }

    /** Emits {@code notification:new} with the producer's JSON document, as is, to the user's room. */
    public int notificationCreated(String userId, String documentJson) {
        return local(Offset.NOTIFICATIONS, userId, documentJson);
    }

    /** Emits {@code message:new} with the producer's JSON document, as is, to the conversation's room. */
    public int messagePosted(String conversationId, String documentJson) {
        return local(Offset.MESSAGES, conversationId, documentJson);
    }

    /**
     * Emits a bus event, numbered {@code seq} in its stream's log with id {@code eventId}.
     * @param key the user id (notifications) or the conversation id (messages)
     */
    public int emit(int stream, String key, String documentJson, long seq, long eventId) {
        String room = stream == Offset.NOTIFICATIONS ? RoomNames.user(key) : RoomNames.conversation(key);
        String body = body(stream == Offset.NOTIFICATIONS ? NOTIFICATION_EVENT : MESSAGE_EVENT, documentJson);
        if (!recovery.enabled()) {
            return rooms.broadcastFrame(room, body + "]");
        }
        recovery.buffers().append(room, stream, seq, eventId, body, System.currentTimeMillis());
        Watermarks w = recovery.watermarks();
        String id = EventIds.text(eventId);
        String common = Cursor.common(stream, id, w);
        String commonFrame = withOffset(body, common);
        return rooms.broadcastEach(room, socket -> {
            Cursor cursor = recovery.cursor(socket.getClient().getId());
            if (cursor == null) {
                return RoomRegistry.deliver(socket, body + "]");
            }
            synchronized (cursor) {
                String offset = cursor.next(stream, seq, id, w, common);
                return RoomRegistry.deliver(socket, offset == common ? commonFrame : withOffset(body, offset));
            }
        });
    }

    /** Sends one buffered event to one socket (a replay), with the socket's offset. */
    static boolean replay(SocketIoSocket socket, BufferedEvent entry, Recovery recovery) {
        Cursor cursor = recovery.cursor(socket.getClient().getId());
        if (cursor == null) {
            return false;
        }
        synchronized (cursor) {
            String offset = cursor.next(entry.stream(), entry.seq(), EventIds.text(entry.id()), recovery.watermarks(), null);
            return RoomRegistry.deliver(socket, withOffset(entry.frame(), offset));
        }
    }

    // An event from inside the server (not the bus): numbered in the same log, so offsets stay whole.
    private int local(int stream, String key, String documentJson) {
        EventLog log = recovery.log(stream);
        long id = EventIds.of("local:" + UUID.randomUUID());
        long seq = log.append(id);
        try {
            return emit(stream, key, documentJson, seq, id);
        } finally {
            log.completed(seq);
        }
    }

    // An EVENT packet text frame without its closing bracket; the document is spliced in verbatim
    // so producers' JSON is untouched.
    private static String body(String event, String documentJson) {
        return "2" + PortfolioNamespace.NAME + ",[" + JSONObject.quote(event) + "," + documentJson;
    }

    private static String withOffset(String body, String offset) {
        return body + ",\"" + offset + "\"]";
    }
}

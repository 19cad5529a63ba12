package com.portfolio.bridge.realtime;

import com.portfolio.bridge.metrics.SocketMetrics;
import com.portfolio.bridge.recovery.BufferedEvent;
import com.portfolio.bridge.recovery.Cursor;
import com.portfolio.bridge.recovery.EventIds;
import com.portfolio.bridge.recovery.EventLog;
import com.portfolio.bridge.recovery.LiveSession;
import com.portfolio.bridge.recovery.Offset;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.recovery.Watermarks;
import com.portfolio.bridge.socketio.Frames;
import com.portfolio.bridge.socketio.Sockets;
import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.vocabulary.RoomNames;
import io.socket.socketio.server.SocketIoSocket;
import java.util.logging.Logger;

/**
 * The one way an event reaches its room: numbered in its topic's log in the order the caller
 * hands it over (the topic's one consumer: the broker's order, the same on every node), run on
 * its key's lane (per-key order, keys in parallel), buffered for its room, and sent to every
 * member socket with that socket's offset as its last argument; the frame is built once for all
 * the sockets whose offset is the common one. A plain object: no EJB container work per call.
 */
public final class Delivery {

    private static final Logger LOG = Logger.getLogger(Delivery.class.getName());
    static final String NOTIFICATION_EVENT = "notification:new";
    static final String MESSAGE_EVENT = "message:new";

    private final RoomRegistry rooms;
    private final Recovery recovery;
    private final Sequencer lanes;
    private final SocketMetrics metrics;

    Delivery(RoomRegistry rooms, Recovery recovery, Sequencer lanes, SocketMetrics metrics) {
        this.rooms = rooms;
        this.recovery = recovery;
        this.lanes = lanes;
        this.metrics = metrics;
    }

    /**
     * Delivers a decoded event: numbered here, on the caller's thread, then sent on its lane.
     * @param key the user id (notifications) or the conversation id (messages)
     * @param eventId the same on every node (see {@link EventIds})
     * @param publishedAtMillis the producer's timestamp, or 0 when unknown
     */
    public void deliver(EventKind kind, String key, String documentJson, long eventId, long publishedAtMillis) {
        long takenAt = System.nanoTime();
        int stream = stream(kind);
        EventLog log = recovery.log(stream);
        long seq = log.append(eventId);
        lanes.run(kind, key, () -> {
            try {
                int sockets = broadcast(stream, key, documentJson, seq, eventId);
                metrics.emitted(kind, sockets, System.nanoTime() - takenAt, publishedAtMillis);
                LOG.fine(() -> kind + " for " + key + " sent to " + sockets + " sockets");
            } finally {
                log.completed(seq);
            }
        });
    }

    /** A probe passed: numbered too, so a client's position always names an event every node has seen, even on a quiet topic. */
    public void probe(EventKind kind, long eventId) {
        EventLog log = recovery.log(stream(kind));
        log.completed(log.append(eventId));
    }

    /** Sends one buffered event to one socket (a replay), with the socket's offset. */
    static boolean replay(SocketIoSocket socket, LiveSession session, BufferedEvent entry, Recovery recovery) {
        if (session == null) {
            return false;
        }
        Cursor cursor = session.cursor();
        synchronized (cursor) {
            String offset = cursor.next(entry.stream(), entry.seq(), EventIds.text(entry.id()), recovery.watermarks(), null);
            return Sockets.send(socket, Frames.eventWithOffset(entry.frame(), offset));
        }
    }

    private int broadcast(int stream, String key, String documentJson, long seq, long eventId) {
        String room = stream == Offset.NOTIFICATIONS ? RoomNames.user(key) : RoomNames.conversation(key);
        String body = Frames.eventOpen(PortfolioNamespace.NAME, stream == Offset.NOTIFICATIONS ? NOTIFICATION_EVENT : MESSAGE_EVENT, documentJson);
        if (!recovery.enabled()) {
            return rooms.broadcastFrame(room, Frames.event(body));
        }
        recovery.buffers().append(room, stream, seq, eventId, body, System.currentTimeMillis());
        Watermarks w = recovery.watermarks();
        String id = EventIds.text(eventId);
        String common = Cursor.common(stream, id, w);
        String commonFrame = Frames.eventWithOffset(body, common);
        return rooms.broadcastEach(room, (socket, connection) -> {
            LiveSession session = connection.session();
            if (session == null) {
                return Sockets.send(socket, Frames.event(body));
            }
            Cursor cursor = session.cursor();
            synchronized (cursor) {
                String offset = cursor.next(stream, seq, id, w, common);
                return Sockets.send(socket, offset == common ? commonFrame : Frames.eventWithOffset(body, offset));
            }
        });
    }

    private static int stream(EventKind kind) {
        return switch (kind) {
            case NOTIFICATION -> Offset.NOTIFICATIONS;
            case MESSAGE -> Offset.MESSAGES;
            case COMMAND -> throw new IllegalArgumentException("commands are applied, never delivered");
        };
    }
}

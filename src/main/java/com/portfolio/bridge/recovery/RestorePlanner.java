package com.portfolio.bridge.recovery;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.ToIntFunction;
import java.util.logging.Logger;

/**
 * Whether a session can come back with everything it missed, from this node's logs and buffers:
 * the client's position must be found in each stream, and each of its rooms must still hold
 * every event after it. All or nothing.
 */
final class RestorePlanner {

    private static final Logger LOG = Logger.getLogger(RestorePlanner.class.getName());

    private final EventLog[] logs;
    private final RoomBuffers buffers;
    private final ToIntFunction<String> streamOfRoom;

    RestorePlanner(EventLog[] logs, RoomBuffers buffers, ToIntFunction<String> streamOfRoom) {
        this.logs = logs;
        this.buffers = buffers;
        this.streamOfRoom = streamOfRoom;
    }

    /**
     * Whether this node's logs hold the client's position yet. A session from another node can
     * name events this node's consumers have not reached: the nodes consume the same topics, each
     * at its own pace. False only while that may still change; garbage offsets count as known.
     */
    boolean positionKnown(Session session, Object rawOffset) {
        Optional<Offset> offset = position(session, rawOffset);
        if (offset.isEmpty()) {
            return true;
        }
        for (int s = 0; s < Offset.STREAMS; s++) {
            String watermark = offset.get().watermarks()[s];
            if (watermark != null && logs[s].seqOf(EventIds.parse(watermark)).isEmpty() || !extrasKnown(offset.get(), s)) {
                return false;
            }
        }
        return true;
    }

    // The events the client had beyond the watermark must be here too: one this node consumes
    // after the restore would reach the client live, a second time.
    private boolean extrasKnown(Offset offset, int stream) {
        return offset.extras().get(stream).stream().allMatch(id -> logs[stream].seqOf(EventIds.parse(id)).isPresent());
    }

    // socket.io-client sends no offset before its first event; its position is then where it started.
    private static Optional<Offset> position(Session session, Object rawOffset) {
        return Offset.parse(rawOffset == null ? session.start() : rawOffset);
    }

    /** @param foreign the session was on another node: "no event yet" there says nothing of here */
    Optional<Restore> plan(Session session, Object rawOffset, boolean foreign) {
        Optional<Offset> offset = position(session, rawOffset);
        if (offset.isEmpty()) {
            LOG.fine(() -> "session " + session.pid() + " not restored: its offset names no position"
                    + (Offset.UNKNOWN.equals(rawOffset) ? " (the socket's cursor had overflowed)" : " (unreadable)"));
            return Optional.empty();
        }
        long[] after = new long[Offset.STREAMS];
        List<Set<Long>> exclude = new ArrayList<>();
        for (int s = 0; s < Offset.STREAMS; s++) {
            String watermark = offset.get().watermarks()[s];
            OptionalLong seq = watermark != null ? logs[s].seqOf(EventIds.parse(watermark))
                    : foreign ? OptionalLong.empty() : OptionalLong.of(0);
            if (seq.isEmpty() || !extrasKnown(offset.get(), s)) {
                LOG.fine(() -> "session " + session.pid() + " not restored: its position is not in this node's log");
                return Optional.empty();
            }
            after[s] = seq.getAsLong();
            Set<Long> had = new HashSet<>();
            offset.get().extras().get(s).forEach(id -> had.add(EventIds.parse(id)));
            exclude.add(had);
        }
        for (String room : session.rooms()) {
            int stream = streamOfRoom.applyAsInt(room);
            if (buffers.since(room, after[stream], exclude.get(stream)).isEmpty()) {
                LOG.info(() -> "session " + session.pid() + " not restored: room " + room + " no longer holds what it missed");
                return Optional.empty();
            }
        }
        return Optional.of(new Restore(session, after, List.copyOf(exclude)));
    }
}

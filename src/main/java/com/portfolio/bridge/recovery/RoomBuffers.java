package com.portfolio.bridge.recovery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recent events of every room, for sessions that come back: bounded per room by count and
 * bytes, in all by bytes, and by age. Every node keeps every room's events — a session may come
 * back on a node that never saw it. A room remembers the newest event it had to drop, so a replay
 * that would need it is refused instead of being partial.
 */
public final class RoomBuffers {

    private static final class Room {
        final ArrayDeque<BufferedEvent> entries = new ArrayDeque<>();
        long bytes;
        long droppedUpTo;
        long droppedNewestAtMs;
    }

    /** How many appends between sweeps of the rooms left empty. */
    private static final int SWEEP_EVERY = 4096;

    private final int roomEvents;
    private final long roomBytes;
    private final long totalBytes;
    private final long maxAgeMs;
    private final Map<String, Room> rooms = new HashMap<>();
    private BufferedEvent oldest;
    private BufferedEvent newest;
    private long bytes;
    private int appendsSinceSweep;

    public RoomBuffers(int roomEvents, long roomBytes, long totalBytes, long maxAgeMs) {
        this.roomEvents = roomEvents;
        this.roomBytes = roomBytes;
        this.totalBytes = totalBytes;
        this.maxAgeMs = maxAgeMs;
    }

    public synchronized void append(String room, int stream, long seq, long id, String frame, long nowMs) {
        BufferedEvent entry = new BufferedEvent(room, stream, seq, id, frame, nowMs);
        Room r = rooms.computeIfAbsent(room, k -> new Room());
        r.entries.addLast(entry);
        r.bytes += entry.bytes;
        link(entry);
        while (r.entries.size() > roomEvents || r.bytes > roomBytes) {
            drop(r.entries.peekFirst());
        }
        expire(nowMs);
        if (++appendsSinceSweep >= SWEEP_EVERY) {
            appendsSinceSweep = 0;
            forgetEmptyRooms(nowMs);
        }
    }

    /**
     * An empty room is forgotten once what it dropped is older than the window: no session that
     * can still come back needs to know about it (its position is newer — probes move it on).
     */
    synchronized void forgetEmptyRooms(long nowMs) {
        rooms.values().removeIf(r -> r.entries.isEmpty() && nowMs - r.droppedNewestAtMs > maxAgeMs);
    }

    /** Drops what is older than the window, and the oldest while over the total. */
    public synchronized void expire(long nowMs) {
        while (oldest != null && (bytes > totalBytes || nowMs - oldest.atMs > maxAgeMs)) {
            drop(oldest);
        }
    }

    /**
     * The room's events after {@code afterSeq} in order, without those in {@code exclude}; empty
     * when the room had to drop one of them (a replay would be partial).
     */
    public synchronized Optional<List<BufferedEvent>> since(String room, long afterSeq, Set<Long> exclude) {
        Room r = rooms.get(room);
        if (r == null) {
            return Optional.of(List.of());
        }
        if (r.droppedUpTo > afterSeq) {
            return Optional.empty();
        }
        List<BufferedEvent> missed = new ArrayList<>();
        for (Iterator<BufferedEvent> it = r.entries.descendingIterator(); it.hasNext();) {
            BufferedEvent e = it.next();
            if (e.seq <= afterSeq) {
                break;
            }
            if (!exclude.contains(e.id)) {
                missed.add(0, e);
            }
        }
        return Optional.of(missed);
    }

    private void link(BufferedEvent entry) {
        entry.older = newest;
        if (newest != null) {
            newest.newer = entry;
        } else {
            oldest = entry;
        }
        newest = entry;
        bytes += entry.bytes;
    }

    private void unlink(BufferedEvent entry) {
        if (entry.older != null) {
            entry.older.newer = entry.newer;
        } else {
            oldest = entry.newer;
        }
        if (entry.newer != null) {
            entry.newer.older = entry.older;
        } else {
            newest = entry.older;
        }
        entry.older = null;
        entry.newer = null;
        bytes -= entry.bytes;
    }

    private void drop(BufferedEvent entry) {
        Room r = rooms.get(entry.room);
        unlink(entry);
        r.bytes -= entry.bytes;
        r.entries.remove(entry);
        r.droppedUpTo = Math.max(r.droppedUpTo, entry.seq);
        r.droppedNewestAtMs = Math.max(r.droppedNewestAtMs, entry.atMs);
    }
}

package com.portfolio.bridge.recovery;

/**
 * One event a room buffers for recovery: its frame without the offset
 * ({@code 2/portfolio,["event",{…}}), where it stands in its stream, and what it costs.
 */
public final class BufferedEvent {

    /** The entry, its links and the room's share: an order of magnitude, for the byte bounds. */
    static final int OVERHEAD_BYTES = 120;

    final String room;
    final int stream;
    final long seq;
    final long id;
    final String frame;
    final long atMs;
    /** What it costs: the frame's characters (one byte each when all are Latin-1, else two) and the bookkeeping. */
    final long bytes;
    // The global age order, linked through the entries: a drop unlinks in O(1).
    BufferedEvent older;
    BufferedEvent newer;

    BufferedEvent(String room, int stream, long seq, long id, String frame, long atMs) {
        this.room = room;
        this.stream = stream;
        this.seq = seq;
        this.id = id;
        this.frame = frame;
        this.atMs = atMs;
        this.bytes = (frame.chars().allMatch(c -> c < 256) ? frame.length() : 2L * frame.length()) + OVERHEAD_BYTES;
    }

    public int stream() {
        return stream;
    }

    public long seq() {
        return seq;
    }

    public long id() {
        return id;
    }

    public String frame() {
        return frame;
    }
}

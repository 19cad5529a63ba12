package com.portfolio.bridge.recovery;

import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * One stream's events on this node, numbered in the order the topic's single consumer took them —
 * the broker's order, the same on every node — with their ids, so an offset naming an event
 * means the same position on any node. The watermark is the highest number up to which every
 * event has been fully broadcast: a socket that got a frame carrying it got all of its own
 * events up to there. Eight bytes per event remembered ({@code portfolio.recovery.log-events}).
 */
public final class EventLog {

    private final int capacity;
    private final long[] ids;
    private final TreeSet<Long> doneAhead = new TreeSet<>();
    private long last;
    private long watermark;

    public EventLog(int capacity) {
        this.capacity = capacity;
        this.ids = new long[capacity];
    }

    /** Numbers the next event. @return its number (from 1) */
    public synchronized long append(long id) {
        long seq = ++last;
        ids[(int) (seq % capacity)] = id;
        return seq;
    }

    /** The event's broadcast is over (whether or not it reached anyone). */
    public synchronized void completed(long seq) {
        if (seq != watermark + 1) {
            doneAhead.add(seq);
            return;
        }
        watermark = seq;
        while (!doneAhead.isEmpty() && doneAhead.first() == watermark + 1) {
            watermark = doneAhead.pollFirst();
        }
    }

    public synchronized long watermark() {
        return watermark;
    }

    /** The id of event {@code seq}, if it is still remembered (not 0, not too old). */
    public synchronized OptionalLong idAt(long seq) {
        if (seq <= 0 || seq <= last - capacity || seq > last) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(ids[(int) (seq % capacity)]);
    }

    /**
     * Where the event is, searched from the newest back: a recovering client's position is
     * usually recent, and a scan of the ring beats a per-event index in memory.
     */
    public synchronized OptionalLong seqOf(long id) {
        for (long seq = last; seq > 0 && seq > last - capacity; seq--) {
            if (ids[(int) (seq % capacity)] == id) {
                return OptionalLong.of(seq);
            }
        }
        return OptionalLong.empty();
    }
}

package com.portfolio.bridge.bench;

import com.portfolio.bridge.bench.OutageSockets.Member;
import java.util.Map;
import java.util.Set;

/**
 * One row's share of a run: the sequence numbers published between two snapshots, the broker
 * event inside it (killed at {@link #event()}, back at {@link #back}), and its figures.
 */
final class OutageWindow {

    /** Counters at one instant: the last sequence number sent, failed sends, drops logged, sockets dropped. */
    record Snapshot(long nanos, int seq, int failedSends, int droppedByNodes, int disconnected) {
    }

    private final String phase;
    private final Snapshot start;
    private long eventNanos = -1;
    private long backNanos = -1;
    private Snapshot end;
    private long longestSendMillis;

    OutageWindow(String phase, Snapshot start) {
        this.phase = phase;
        this.start = start;
    }

    /** The broker event happens now. */
    void event() {
        eventNanos = System.nanoTime();
    }

    /** The broker (or its replacement) was back at this instant. */
    void back(long nanos) {
        backNanos = nanos;
    }

    void end(Snapshot snapshot, long longestSend) {
        end = snapshot;
        longestSendMillis = longestSend;
    }

    boolean ended() {
        return end != null;
    }

    Snapshot endSnapshot() {
        return end;
    }

    /** Once the tail has drained: accepted against what every member socket received. */
    OutageRow row(Map<Integer, String> accepted, OutageSockets sockets, ReadinessSampler readiness, int rate) {
        int from = start.seq() + 1;
        int to = end.seq();
        long expected = 0;
        long delivered = 0;
        long unaccepted = 0;
        int duplicates = 0;
        for (Member member : sockets.members()) {
            Set<Integer> got = member.arrivals().distinct();
            for (int seq = from; seq <= to; seq++) {
                String user = accepted.get(seq);
                if (user == null) {
                    unaccepted += got.contains(seq) ? 1 : 0;
                } else if (user.equals(member.user())) {
                    expected++;
                    delivered += got.contains(seq) ? 1 : 0;
                }
            }
            duplicates += member.arrivals().duplicates(from, to);
        }
        int acceptedHere = (int) accepted.keySet().stream().filter(seq -> seq >= from && seq <= to).count();
        long first = sockets.firstArrivalAfter(backNanos);
        long due = Math.round(rate * (end.nanos() - start.nanos()) / 1e9);
        return new OutageRow(phase, due, to - from + 1, acceptedHere, expected, delivered, unaccepted, duplicates,
                end.droppedByNodes() - start.droppedByNodes(), end.disconnected() - start.disconnected(),
                (backNanos - eventNanos) / 1e9, first < 0 ? -1 : (first - backNanos) / 1e9,
                sockets.longestSilenceMillis(eventNanos, end.nanos()) / 1e3,
                end.failedSends() - start.failedSends(), longestSendMillis,
                readiness.summary(eventNanos, end.nanos()));
    }
}

package com.portfolio.bridge.recovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One socket's position, for the offset each of its frames carries. The watermark covers most of
 * it; what it cannot tell — events this socket got beyond the watermark, because lanes run in
 * parallel — is listed. A socket whose list would overflow says {@link Offset#UNKNOWN} until the
 * watermark has passed what was dropped: an honest "cannot recover" instead of a wrong replay.
 */
public final class Cursor {

    static final int MAX_EXTRAS = 16;

    // Allocated on a stream's first event beyond the watermark: most sockets never need them.
    private final long[][] seqs = new long[Offset.STREAMS][];
    private final String[][] ids = new String[Offset.STREAMS][];
    private final int[] counts = new int[Offset.STREAMS];
    private final long[] lostUpTo = new long[Offset.STREAMS];

    /**
     * Records that event {@code seq} of {@code stream} (id {@code id}, as {@link EventIds#text}) is
     * being sent to this socket now.
     * Call it with the send, under the same lock, so offsets follow the socket's order.
     * @param common the offset every socket with nothing else beyond the watermark gets, or null
     * @return the offset for this frame; {@code common} itself when it applies
     */
    public synchronized String next(int stream, long seq, String id, Watermarks w, String common) {
        for (int s = 0; s < Offset.STREAMS; s++) {
            prune(s, w.seqs()[s]);
        }
        if (seq > w.seqs()[stream]) {
            if (seqs[stream] == null) {
                seqs[stream] = new long[MAX_EXTRAS];
                ids[stream] = new String[MAX_EXTRAS];
            }
            if (counts[stream] == MAX_EXTRAS) {
                lostUpTo[stream] = Math.max(lostUpTo[stream], seq);
            } else {
                seqs[stream][counts[stream]] = seq;
                ids[stream][counts[stream]++] = id;
            }
        }
        for (int s = 0; s < Offset.STREAMS; s++) {
            if (w.seqs()[s] < lostUpTo[s]) {
                return Offset.UNKNOWN;
            }
        }
        if (common != null && counts[stream] == (seq > w.seqs()[stream] ? 1 : 0) && counts[1 - stream] == 0) {
            return common;
        }
        List<List<String>> extras = new ArrayList<>();
        for (int s = 0; s < Offset.STREAMS; s++) {
            extras.add(counts[s] == 0 ? List.of() : List.copyOf(Arrays.asList(ids[s]).subList(0, counts[s])));
        }
        return Offset.format(w.ids(), extras);
    }

    /** The offset everyone gets for event {@code id} of {@code stream} when nothing else is beyond the watermark. */
    public static String common(int stream, String id, Watermarks w) {
        return Offset.format(w.ids(), IntStream.range(0, Offset.STREAMS).mapToObj(s -> s == stream ? List.of(id) : List.<String>of()).toList());
    }

    private void prune(int stream, long watermark) {
        int kept = 0;
        for (int i = 0; i < counts[stream]; i++) {
            if (seqs[stream][i] > watermark) {
                seqs[stream][kept] = seqs[stream][i];
                ids[stream][kept++] = ids[stream][i];
            }
        }
        for (int i = kept; i < counts[stream]; i++) {
            ids[stream][i] = null;
        }
        counts[stream] = kept;
    }
}

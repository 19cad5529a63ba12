package com.portfolio.bridge.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RoomBuffersTest {

    private static List<Long> seqs(Optional<List<BufferedEvent>> entries) {
        return entries.orElseThrow().stream().map(BufferedEvent::seq).toList();
    }

    @Test
    void aRoomKeepsItsNewestEventsUpToItsCountAndRefusesAReplayThatNeedsADroppedOne() {
        RoomBuffers buffers = new RoomBuffers(3, 1_000_000, 10_000_000, 60_000);
        for (long seq = 1; seq <= 5; seq++) {
            buffers.append("r", Offset.MESSAGES, seq, seq * 10, "frame" + seq, 0);
        }
        buffers.append("other", Offset.MESSAGES, 6, 60, "frame6", 0);
        assertEquals(List.of(4L, 5L), seqs(buffers.since("r", 3, Set.of())));
        assertEquals(List.of(5L), seqs(buffers.since("r", 3, Set.of(40L))), "what the client listed is not replayed");
        assertTrue(buffers.since("r", 1, Set.of()).isEmpty(), "event 2 was dropped: no partial replay");
        assertEquals(List.of(), seqs(buffers.since("never-seen", 0, Set.of())));
    }

    @Test
    void aRoomsBytesAndTheTotalAreBoundsToo() {
        RoomBuffers perRoom = new RoomBuffers(100, 2 * (BufferedEvent.OVERHEAD_BYTES + 10), 10_000_000, 60_000);
        for (long seq = 1; seq <= 3; seq++) {
            perRoom.append("r", Offset.MESSAGES, seq, seq, "0123456789", 0);
        }
        assertTrue(perRoom.since("r", 0, Set.of()).isEmpty(), "the oldest went for the room's bytes");
        assertEquals(List.of(2L, 3L), seqs(perRoom.since("r", 1, Set.of())));

        long each = BufferedEvent.OVERHEAD_BYTES + 10;
        RoomBuffers total = new RoomBuffers(100, 1_000_000, 3 * each, 60_000);
        for (long seq = 1; seq <= 5; seq++) {
            total.append("room-" + seq, Offset.NOTIFICATIONS, seq, seq, "0123456789", 0);
        }
        // The total holds three: the oldest two went.
        for (long seq = 1; seq <= 5; seq++) {
            Optional<List<BufferedEvent>> kept = total.since("room-" + seq, 0, Set.of());
            assertEquals(seq <= 2 ? Optional.empty() : Optional.of(List.of(seq)), kept.map(e -> e.stream().map(BufferedEvent::seq).toList()),
                    "room-" + seq);
        }
    }

    @Test
    void eventsOlderThanTheWindowGo() {
        RoomBuffers buffers = new RoomBuffers(100, 1_000_000, 10_000_000, 1_000);
        buffers.append("r", Offset.MESSAGES, 1, 1, "old", 0);
        buffers.append("r", Offset.MESSAGES, 2, 2, "new", 900);
        buffers.expire(1_500);
        assertTrue(buffers.since("r", 0, Set.of()).isEmpty());
        assertEquals(List.of(2L), seqs(buffers.since("r", 1, Set.of())));
    }
}

package com.portfolio.bridge.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

class CursorTest {

    private static String id(long n) {
        return EventIds.text(n);
    }

    private static Watermarks w(long notifications, long messages) {
        return new Watermarks(new long[] {notifications, messages},
                new String[] {notifications == 0 ? null : id(notifications), messages == 0 ? null : id(messages)});
    }

    private final Cursor cursor = new Cursor();

    @Test
    void inOrderDeliveryGetsTheSharedOffset() {
        Watermarks w = w(3, 7);
        String common = Cursor.common(Offset.MESSAGES, id(8), w);
        assertSame(common, cursor.next(Offset.MESSAGES, 8, id(8), w, common));
        assertEquals(new Offset(new String[] {id(3), id(7)}, List.of(List.of(), List.of(id(8)))), Offset.parse(common).orElseThrow());
    }

    @Test
    void whatWentOutBeyondTheWatermarkIsListedUntilTheWatermarkPassesIt() {
        cursor.next(Offset.MESSAGES, 9, id(9), w(0, 7), null); // a faster lane: 8 not broadcast yet
        Watermarks later = w(0, 7);
        String common = Cursor.common(Offset.MESSAGES, id(10), later);
        String own = cursor.next(Offset.MESSAGES, 10, id(10), later, common);
        assertEquals(List.of(id(9), id(10)), Offset.parse(own).orElseThrow().extras().get(Offset.MESSAGES));

        Watermarks passed = w(0, 10);
        String next = Cursor.common(Offset.MESSAGES, id(11), passed);
        assertSame(next, cursor.next(Offset.MESSAGES, 11, id(11), passed, next), "9 and 10 are under the watermark now");
    }

    @Test
    void anOverflowSaysUnknownUntilTheWatermarkHasPassedWhatWasDropped() {
        Watermarks stuck = w(0, 1);
        for (long seq = 2; seq < 2 + Cursor.MAX_EXTRAS; seq++) {
            cursor.next(Offset.MESSAGES, seq, id(seq), stuck, null);
        }
        long dropped = 2 + Cursor.MAX_EXTRAS;
        assertEquals(Offset.UNKNOWN, cursor.next(Offset.MESSAGES, dropped, id(dropped), stuck, null));
        assertEquals(Offset.UNKNOWN, cursor.next(Offset.NOTIFICATIONS, 1, id(1), w(0, dropped - 1), null));
        String back = cursor.next(Offset.NOTIFICATIONS, 2, id(2), w(1, dropped), null);
        assertEquals(new Offset(new String[] {id(1), id(dropped)}, List.of(List.of(id(2)), List.of())), Offset.parse(back).orElseThrow());
    }
}

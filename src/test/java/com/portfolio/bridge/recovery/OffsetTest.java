package com.portfolio.bridge.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetTest {

    private static final String A = EventIds.text(EventIds.of("ID:a"));
    private static final String B = EventIds.text(EventIds.of("ID:b"));

    @Test
    void eventIdsAreTheSameForTheSameMessageIdAndShort() {
        assertEquals(EventIds.of("ID:a"), EventIds.of("ID:a"));
        assertEquals(EventIds.LENGTH, A.length());
        assertEquals(EventIds.of("ID:a"), EventIds.parse(A));
        assertTrue(EventIds.of("ID:a") != EventIds.of("ID:b"));
    }

    @Test
    void anOffsetSurvivesItsTextForm() {
        Offset offset = new Offset(new String[] {A, null}, List.of(List.of(), List.of(A, B)));
        String text = Offset.format(offset.watermarks(), offset.extras());
        assertEquals("1." + A + "..." + A + "~" + B, text);
        assertEquals(offset, Offset.parse(text).orElseThrow());
    }

    @Test
    void anythingElseIsNoOffset() {
        for (Object bad : new Object[] {null, 42, "", "x", "2." + A + "." + A + "..", "1." + A + "..", "1.short...",
                "1." + A + "." + A + "..." + A, "1." + "x".repeat(2000), "1.ééééééééééé...."}) {
            assertTrue(Offset.parse(bad).isEmpty(), String.valueOf(bad));
        }
    }

    @Test
    void pidsAreUnguessableAndUrlSafe() {
        String pid = Recovery.newPid();
        assertEquals(24, pid.length());
        assertTrue(pid.matches("[A-Za-z0-9_-]+"), pid);
        assertTrue(!pid.equals(Recovery.newPid()));
    }
}

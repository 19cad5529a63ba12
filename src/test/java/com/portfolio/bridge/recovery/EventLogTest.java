package com.portfolio.bridge.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class EventLogTest {

    private final EventLog log = new EventLog(4);

    @Test
    void numbersInOrderAndFindsRecentIdsOnly() {
        for (long id = 100; id < 106; id++) {
            assertEquals(id - 99, log.append(id));
        }
        assertEquals(OptionalLong.of(6), log.seqOf(105));
        assertEquals(OptionalLong.of(3), log.seqOf(102));
        assertEquals(OptionalLong.empty(), log.seqOf(101), "past the capacity: forgotten");
        assertEquals(OptionalLong.of(104), log.idAt(5));
        assertEquals(OptionalLong.empty(), log.idAt(2));
        assertEquals(OptionalLong.empty(), log.idAt(0));
        assertEquals(OptionalLong.empty(), log.idAt(7));
    }

    @Test
    void theWatermarkWaitsForEveryEarlierEvent() {
        for (int i = 0; i < 4; i++) {
            log.append(i);
        }
        log.completed(2);
        log.completed(4);
        assertEquals(0, log.watermark(), "event 1 is still being broadcast");
        log.completed(1);
        assertEquals(2, log.watermark());
        log.completed(3);
        assertEquals(4, log.watermark());
    }
}

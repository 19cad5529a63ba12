package com.portfolio.bridge.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.vocabulary.EventKind;
import org.junit.jupiter.api.Test;

class RecentMessageIdsTest {

    @Test
    void aDeliveredIdComesBackAsADuplicateAndIsCounted() {
        RecentMessageIds recent = new RecentMessageIds(4);
        assertFalse(recent.delivered(EventKind.NOTIFICATION, 7));
        recent.remember(EventKind.NOTIFICATION, 7);
        assertTrue(recent.delivered(EventKind.NOTIFICATION, 7));
        assertTrue(recent.delivered(EventKind.NOTIFICATION, 7));
        assertEquals(2, recent.dropped());
    }

    @Test
    void anIdNotYetRememberedIsWelcomeAgain() {
        // A delivery that failed is redelivered by the bus and must not be dropped.
        RecentMessageIds recent = new RecentMessageIds(4);
        assertFalse(recent.delivered(EventKind.MESSAGE, 1));
        assertFalse(recent.delivered(EventKind.MESSAGE, 1));
        assertEquals(0, recent.dropped());
    }

    @Test
    void topicsHaveWindowsOfTheirOwn() {
        RecentMessageIds recent = new RecentMessageIds(4);
        recent.remember(EventKind.MESSAGE, 5);
        assertFalse(recent.delivered(EventKind.NOTIFICATION, 5));
        assertTrue(recent.delivered(EventKind.MESSAGE, 5));
    }

    @Test
    void theOldestIdLeavesWhenTheWindowIsFull() {
        RecentMessageIds recent = new RecentMessageIds(3);
        for (long id = 1; id <= 4; id++) {
            recent.remember(EventKind.NOTIFICATION, id);
        }
        assertFalse(recent.delivered(EventKind.NOTIFICATION, 1));
        for (long id = 2; id <= 4; id++) {
            assertTrue(recent.delivered(EventKind.NOTIFICATION, id));
        }
    }

    @Test
    void aWindowGoingRoundSeveralTimesHoldsExactlyTheLastIds() {
        // Past the bound and again: the ring wraps three times, each slot reused, each old id gone from the set.
        RecentMessageIds recent = new RecentMessageIds(3);
        for (long id = 1; id <= 10; id++) {
            recent.remember(EventKind.MESSAGE, id);
        }
        for (long id = 1; id <= 7; id++) {
            assertFalse(recent.delivered(EventKind.MESSAGE, id), "id " + id + " left the window");
        }
        for (long id = 8; id <= 10; id++) {
            assertTrue(recent.delivered(EventKind.MESSAGE, id), "id " + id + " is among the last three");
        }
    }

    @Test
    void rememberingAnIdTwiceTakesOneSlot() {
        RecentMessageIds recent = new RecentMessageIds(2);
        recent.remember(EventKind.NOTIFICATION, 1);
        recent.remember(EventKind.NOTIFICATION, 1);
        recent.remember(EventKind.NOTIFICATION, 2);
        assertTrue(recent.delivered(EventKind.NOTIFICATION, 1));
        assertTrue(recent.delivered(EventKind.NOTIFICATION, 2));
    }

    @Test
    void refusesAnEmptyWindow() {
        assertThrows(IllegalArgumentException.class, () -> new RecentMessageIds(0));
    }
}

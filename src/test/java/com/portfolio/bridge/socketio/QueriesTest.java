package com.portfolio.bridge.socketio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A query the library's parser would throw on reads as empty, so the request is refused with 400, not 500. */
class QueriesTest {

    @Test
    void readsAWellFormedQuery() {
        assertEquals(Map.of("EIO", "4", "transport", "polling"), Queries.decode("EIO=4&transport=polling"));
    }

    @Test
    void readsNothingFromAMissingOrUnreadableQuery() {
        assertEquals(Map.of(), Queries.decode(null));
        assertEquals(Map.of(), Queries.decode(""));
        assertEquals(Map.of(), Queries.decode("EIO=4&EIO=4"));
        assertEquals(Map.of(), Queries.decode("EIO=4&x=%zz"));
    }
}

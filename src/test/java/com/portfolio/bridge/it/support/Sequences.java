package com.portfolio.bridge.it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.portfolio.bridge.it.support.RawSocketClient.Event;
import java.util.HashMap;
import java.util.Map;
import org.json.JSONObject;

/**
 * Ordered streams of events: documents carry a key (a conversation, a user) and a sequence
 * number; a client must see each key's numbers as 1, 2, 3, ... with nothing missing or doubled.
 */
public final class Sequences {

    private Sequences() {
    }

    public static String document(String keyField, String key, int seq) {
        return new JSONObject().put("_id", key + "#" + seq).put(keyField, key).put("seq", seq).toString();
    }

    /** Takes {@code total} events off the client and checks every key's sequence, in arrival order. */
    public static Map<String, Integer> assertInOrder(RawSocketClient client, String eventName, String keyField, int total)
            throws Exception {
        Map<String, Integer> last = new HashMap<>();
        for (int i = 0; i < total; i++) {
            Event event = client.nextEvent();
            assertEquals(eventName, event.name());
            JSONObject document = (JSONObject) event.argument();
            String key = document.getString(keyField);
            int seq = document.getInt("seq");
            int expected = last.getOrDefault(key, 0) + 1;
            assertEquals(expected, seq, key + ": event " + seq + " arrived when " + expected + " was next");
            last.put(key, seq);
        }
        return last;
    }
}

package com.portfolio.bridge.socketio;

import io.socket.engineio.server.utils.ParseQS;
import java.util.Map;

/**
 * An Engine.IO request's query, as the library reads it. Its parser throws on a missing query, a
 * repeated key ({@code EIO=4&EIO=4}) or a bad escape ({@code %zz}); such a request is refused
 * with 400 before it reaches the library, which would throw too (a 500).
 */
public final class Queries {

    private Queries() {
    }

    /** @return the parameters, or an empty map when the query is missing or the library cannot read it */
    public static Map<String, String> decode(String raw) {
        if (raw == null || raw.isEmpty()) {
            return Map.of();
        }
        try {
            return ParseQS.decode(raw);
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }
}

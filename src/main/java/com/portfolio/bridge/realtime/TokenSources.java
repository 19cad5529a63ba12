package com.portfolio.bridge.realtime;

import com.portfolio.bridge.socketio.Handshake;
import java.util.List;
import java.util.Map;

/**
 * Where a token may come from, in order: the CONNECT packet's {@code auth.token}, then an
 * {@code Authorization: Bearer} header, then a {@code token} query parameter (for clients
 * that cannot set auth).
 */
final class TokenSources {

    private TokenSources() {
    }

    static String find(Handshake handshake) {
        String token = handshake.authString("token");
        if (token != null) {
            return token;
        }
        String bearer = bearer(handshake.headers());
        if (bearer != null) {
            return bearer;
        }
        return handshake.query() == null ? null : handshake.query().get("token");
    }

    private static String bearer(Map<String, List<String>> headers) {
        return headers == null ? null : headers.entrySet().stream()
                .filter(header -> "authorization".equalsIgnoreCase(header.getKey()) && header.getValue() != null)
                .flatMap(header -> header.getValue().stream())
                .filter(value -> value != null && value.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(value -> value.substring(7).trim())
                .findFirst().orElse(null);
    }
}

package com.portfolio.bridge.socketio;

import org.json.JSONException;
import org.json.JSONObject;
import org.json.JSONTokener;

/**
 * A Socket.IO v5 CONNECT packet as text: {@code 0[/nsp,][{auth json}]}. Parsed here because
 * the middleware must see it before the library acknowledges it.
 */
record ConnectRequest(String namespace, JSONObject auth) {

    static boolean isConnect(Object frame) {
        return frame instanceof String text && !text.isEmpty() && text.charAt(0) == '0';
    }

    /** @throws IllegalArgumentException if the packet is not a well-formed CONNECT */
    static ConnectRequest parse(String frame) {
        String rest = frame.substring(1);
        String namespace = "/";
        if (rest.startsWith("/")) {
            int comma = rest.indexOf(',');
            namespace = comma < 0 ? rest : rest.substring(0, comma);
            rest = comma < 0 ? "" : rest.substring(comma + 1);
        }
        if (rest.isEmpty()) {
            return new ConnectRequest(namespace, null);
        }
        try {
            JSONTokener tokener = new JSONTokener(rest);
            Object value = tokener.nextValue();
            if (!(value instanceof JSONObject auth) || tokener.more()) {
                throw new IllegalArgumentException("CONNECT payload must be a JSON object");
            }
            return new ConnectRequest(namespace, auth);
        } catch (JSONException e) {
            throw new IllegalArgumentException("CONNECT payload is not JSON", e);
        }
    }
}

package com.portfolio.bridge.socketio;

import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * One CONNECT as a middleware sees it: the connection's id, its {@code auth} payload (null when
 * none was sent) and the HTTP handshake's headers and query (what the connection was opened with).
 */
public record Handshake(String connectionId, String namespace, JSONObject auth,
        Map<String, List<String>> headers, Map<String, String> query) {

    /** {@code auth.<name>} when it is a string, else null. */
    public String authString(String name) {
        return auth != null && auth.opt(name) instanceof String value ? value : null;
    }

    /** {@code auth.<name>}, or null when absent or JSON null. */
    public Object authValue(String name) {
        Object value = auth == null ? null : auth.opt(name);
        return value == JSONObject.NULL ? null : value;
    }
}

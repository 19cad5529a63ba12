package com.portfolio.bridge.transport;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the engine needs from the upgrade request (the Authorization header, for a Bearer
 * token; the whole map would stay reachable for the WebSocket's life) and whether its Origin
 * passed the allow-list; the endpoint refuses the session if it did not.
 */
public class HandshakeCapture extends ServerEndpointConfig.Configurator {

    static final String HEADERS = "portfolio.handshake.headers";
    static final String ORIGIN_REFUSED = "portfolio.handshake.originRefused";

    private volatile OriginPolicy origins;
    private volatile WebSocketServices services;

    /** Each session's endpoint, built here rather than by CDI (see {@link WebSocketServices}). */
    @Override
    public <T> T getEndpointInstance(Class<T> endpointClass) throws InstantiationException {
        if (endpointClass != EngineEndpoint.class) {
            return super.getEndpointInstance(endpointClass);
        }
        return endpointClass.cast(new EngineEndpoint(services()));
    }

    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        Map<String, List<String>> headers = request.getHeaders();
        config.getUserProperties().put(HEADERS, authorizationOnly(headers));
        boolean allowed = origins().allowsConnection(first(headers, "Origin"), first(headers, "Host"));
        config.getUserProperties().put(ORIGIN_REFUSED, !allowed);
    }

    private OriginPolicy origins() {
        if (origins == null) {
            origins = new OriginPolicy(services().config().corsOrigins());
        }
        return origins;
    }

    // Looked up through CDI once per endpoint deployment, not per upgrade.
    private WebSocketServices services() {
        WebSocketServices shared = services;
        if (shared == null) {
            shared = CDI.current().select(WebSocketServices.class).get();
            services = shared;
        }
        return shared;
    }

    private static Map<String, List<String>> authorizationOnly(Map<String, List<String>> headers) {
        List<String> authorization = values(headers, "Authorization");
        return authorization.isEmpty() ? Map.of() : Map.of("authorization", List.copyOf(authorization));
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = values(headers, name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** Header names are case-insensitive; the container's map may spell them either way. */
    private static List<String> values(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream()
                .filter(header -> name.equalsIgnoreCase(header.getKey()) && header.getValue() != null && !header.getValue().isEmpty())
                .map(Map.Entry::getValue).findFirst().orElse(List.of());
    }
}

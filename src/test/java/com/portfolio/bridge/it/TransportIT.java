package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** From outside, over HTTP and WebSocket: protocol version, CORS, Origin, token sources, namespaces. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TransportIT {

    private static final String ALLOWED_ORIGIN = "http://localhost:3000";
    private final HttpClient http = HttpClient.newHttpClient();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    private HttpResponse<String> get(String query, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + Ports.http() + "/socket.io/?" + query));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void protocolVersionsOtherThanFourAreRefused() throws Exception {
        for (String query : new String[] {"EIO=3&transport=polling", "transport=polling", "EIO=abc&transport=polling"}) {
            HttpResponse<String> response = get(query, Map.of());
            assertEquals(400, response.statusCode(), query);
            assertEquals("{\"code\":5,\"message\":\"Unsupported protocol version\"}", response.body(), query);
        }
    }

    @Test
    void theHandshakeAdvertisesAnUpgradeAndTheHeartbeat() throws Exception {
        HttpResponse<String> response = get("EIO=4&transport=polling", Map.of());
        assertEquals(200, response.statusCode());
        JSONObject open = new JSONObject(response.body().substring(1));
        assertEquals("websocket", open.getJSONArray("upgrades").getString(0));
        assertEquals(2000, open.getInt("pingInterval"), "the test server sets portfolio.engine.ping-interval-ms");
        assertEquals(2000, open.getInt("pingTimeout"));
        assertTrue(response.body().startsWith("0"));
    }

    @Test
    void corsAnswersOnlyAllowListedOrigins() throws Exception {
        HttpResponse<String> allowed = get("EIO=4&transport=polling", Map.of("Origin", ALLOWED_ORIGIN));
        assertEquals(ALLOWED_ORIGIN, allowed.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        assertEquals("true", allowed.headers().firstValue("Access-Control-Allow-Credentials").orElse(null));

        HttpResponse<String> other = get("EIO=4&transport=polling", Map.of("Origin", "https://evil.example"));
        assertNull(other.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
    }

    @Test
    void preflightIsAnsweredForAllowedOriginsOnly() throws Exception {
        HttpRequest.Builder preflight = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + Ports.http() + "/socket.io/?EIO=4&transport=polling"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST");
        HttpResponse<String> allowed = http.send(preflight.copy().header("Origin", ALLOWED_ORIGIN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, allowed.statusCode());
        assertTrue(allowed.headers().firstValue("Access-Control-Allow-Methods").orElse("").contains("POST"));
        HttpResponse<String> refused = http.send(preflight.copy().header("Origin", "https://evil.example").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, refused.statusCode());
    }

    @Test
    void webSocketsFromOtherSitesAreRefused() throws Exception {
        RawSocketClient refused = RawSocketClient.open(Ports.http(), "", Map.of("Origin", "https://evil.example"));
        assertEquals("closed 1008", refused.expectControl("closed"));

        try (RawSocketClient allowed = RawSocketClient.connect(Ports.http(), "", Map.of("Origin", ALLOWED_ORIGIN),
                new JSONObject().put("token", TestTokens.valid("origin-ok")))) {
            assertTrue(allowed.connected());
        }
    }

    @Test
    void theTokenMayComeFromABearerHeaderOrTheQuery() throws Exception {
        try (RawSocketClient header = RawSocketClient.connect(Ports.http(), "",
                Map.of("Authorization", "Bearer " + TestTokens.valid("by-header")), new JSONObject())) {
            assertTrue(header.connected(), String.valueOf(header.connectError()));
        }
        String query = "&token=" + URLEncoder.encode(TestTokens.valid("by-query"), StandardCharsets.UTF_8);
        try (RawSocketClient byQuery = RawSocketClient.connect(Ports.http(), query, Map.of(), new JSONObject())) {
            assertTrue(byQuery.connected(), String.valueOf(byQuery.connectError()));
        }
    }

    @Test
    void otherNamespacesAreInvalid() throws Exception {
        RawSocketClient client = RawSocketClient.open(Ports.http(), "", Map.of());
        client.expectControl("0");
        client.send("40{\"token\":\"" + TestTokens.valid("main") + "\"}");
        assertEquals("44{\"message\":\"Invalid namespace\"}", client.expectControl("4"));
        client.send("40/admin,{}");
        assertEquals("44/admin,{\"message\":\"Invalid namespace\"}", client.expectControl("4"));
        client.close();
    }

    @Test
    void aMalformedConnectClosesOnlyThatSession() throws Exception {
        try (RawSocketClient bystander = RawSocketClient.connect(Ports.http(), TestTokens.valid("bystander"))) {
            RawSocketClient broken = RawSocketClient.open(Ports.http(), "", Map.of());
            broken.expectControl("0");
            broken.send("40/portfolio,{\"token\":");
            assertTrue(broken.expectControl("closed").startsWith("closed"));
            assertTrue(bystander.emitWithAck("join-conversation", "still-fine").getJSONObject(0).getBoolean("ok"));
        }
    }
}

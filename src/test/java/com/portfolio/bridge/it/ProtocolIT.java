package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletableFuture;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Engine.IO protocol edge cases the library gets wrong or leaves open, on the real deployment. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProtocolIT {

    private static final long MAX_PAYLOAD = 1_000_000;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    private String base() {
        return "http://127.0.0.1:" + Ports.http() + "/socket.io/?EIO=4&transport=polling";
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String session() throws Exception {
        return new JSONObject(get(base()).body().substring(1)).getString("sid");
    }

    @Test
    void theHandshakeCarriesMaxPayloadOnBothTransports() throws Exception {
        assertEquals(MAX_PAYLOAD, new JSONObject(get(base()).body().substring(1)).getLong("maxPayload"));
        RawSocketClient ws = RawSocketClient.open(Ports.http(), "", Map.of());
        assertEquals(MAX_PAYLOAD, new JSONObject(ws.expectControl("0").substring(1)).getLong("maxPayload"));
        ws.close();
    }

    @Test
    void unknownTransportsAndSessionsAreRefused() throws Exception {
        HttpResponse<String> transport = get(base().replace("polling", "carrier-pigeon"));
        assertEquals(400, transport.statusCode());
        assertEquals(0, new JSONObject(transport.body()).getInt("code"));
        HttpResponse<String> sid = get(base() + "&sid=nope");
        assertEquals(400, sid.statusCode());
        assertEquals(1, new JSONObject(sid.body()).getInt("code"));
    }

    @Test
    void aMalformedPostIsRefusedAndClosesTheSession() throws Exception {
        String sid = session();
        HttpResponse<String> push = post(base() + "&sid=" + sid, "abc");
        assertEquals(400, push.statusCode());
        assertEquals("{\"code\":3,\"message\":\"Bad request\"}", push.body());
        assertEquals(400, get(base() + "&sid=" + sid).statusCode(), "the session is closed");
    }

    @Test
    void aPostOverMaxPayloadIsRefusedWith413AndClosesTheSession() throws Exception {
        String sid = session();
        HttpResponse<String> push = post(base() + "&sid=" + sid, "4" + "a".repeat((int) MAX_PAYLOAD));
        assertEquals(413, push.statusCode());
        assertEquals(400, get(base() + "&sid=" + sid).statusCode(), "the session is closed");
    }

    @Test
    void aSecondConcurrentPollIsRefusedAndClosesTheSession() throws Exception {
        String sid = session();
        // Whichever poll arrives second is refused; the one left open is answered with a close packet.
        List<HttpResponse<String>> answers = List.of(pollAsync(sid, "a"), pollAsync(sid, "b")).stream()
                .map(CompletableFuture::join).toList();
        // The open poll may carry a noop (6) the engine queued before the close (1); it must end with the close.
        assertEquals(Set.of("400 {\"code\":3,\"message\":\"Bad request\"}", "200 1"),
                answers.stream().map(r -> r.statusCode() + " " + withoutNoops(r.body())).collect(Collectors.toSet()));
        assertEquals(400, get(base() + "&sid=" + sid).statusCode(), "the session is closed");
    }

    /** A polling payload's packets (separated by 0x1e) without noop packets. */
    private static String withoutNoops(String payload) {
        return Arrays.stream(payload.split("\u001e")).filter(packet -> !packet.equals("6"))
                .collect(Collectors.joining("\u001e"));
    }

    private CompletableFuture<HttpResponse<String>> pollAsync(String sid, String t) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base() + "&sid=" + sid + "&t=" + t)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pollingAfterAnUpgradeIsRefused() throws Exception {
        String sid = session();
        RawSocketClient ws = RawSocketClient.open(Ports.http(), "&sid=" + sid, Map.of());
        ws.send("2probe");
        assertEquals("3probe", ws.expectControl("3"));
        ws.send("5");
        ws.send("40/portfolio,{\"token\":\"" + TestTokens.valid("upgraded") + "\"}");
        assertTrue(ws.expectControl("4").startsWith("40/portfolio,"), "the session lives on over WebSocket");
        assertEquals(400, get(base() + "&sid=" + sid).statusCode());
        ws.close();
    }

    @Test
    void aWebSocketMessageOverMaxPayloadClosesThatSocket() throws Exception {
        RawSocketClient ws = RawSocketClient.open(Ports.http(), "", Map.of());
        ws.expectControl("0");
        ws.send("4" + "a".repeat((int) MAX_PAYLOAD + 1));
        assertEquals("closed 1009", ws.expectControl("closed"));
    }

    @Test
    void aConnectionThatNeverConnectsIsClosedAfterTheConnectTimeout() throws Exception {
        RawSocketClient silent = RawSocketClient.open(Ports.http(), "", Map.of());
        silent.expectControl("0");
        assertTrue(silent.expectControl("").matches("1|closed \\d+"), "closed within the 5 s test timeout");
    }
}

package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.bus.DeadLetters;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Catalog;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Heap;
import com.portfolio.bridge.it.support.OneShotHttp;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.jms.BytesMessage;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.HmacKey;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The bad-input catalogue: named inputs across transport, packets, tokens, room ids and bus
 * events. Each gets its documented answer, a bystander keeps working after every one, bus
 * events are dead-lettered with a reason, and the counts return to baseline.
 */
@ExtendWith(ArquillianExtension.class)
class BadInputCatalogIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private RawSocketClient bystander;
    private PortfolioNamespace namespace;
    private int baseline;
    private long heapBefore;

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge().addClasses(OneShotHttp.class, OneShotHttp.Answer.class);
    }

    @BeforeEach
    void bystander() throws Exception {
        namespace = CDI.current().select(PortfolioNamespace.class).get();
        bystander = RawSocketClient.connect(Ports.http(), TestTokens.valid("bystander"));
        baseline = namespace.openConnections();
        heapBefore = Heap.usedAfterGc();
    }

    @AfterEach
    void backToBaseline() throws Exception {
        Await.until("connections back to baseline", java.time.Duration.ofSeconds(20),
                () -> namespace.openConnections() <= baseline);
        long grown = Heap.usedAfterGc() - heapBefore;
        assertTrue(grown < Heap.TOLERANCE_BYTES, "heap grew by " + grown / 1024 + " KiB");
        bystander.close();
    }

    private void stillWorks() throws Exception {
        assertTrue(bystander.emitWithAck("join-conversation", "bystander-room").getJSONObject(0).getBoolean("ok"));
        java.util.logging.Logger.getLogger("catalog").fine(() -> "open connections now " + namespace.openConnections());
    }

    private String polling() {
        return "http://127.0.0.1:" + Ports.http() + "/socket.io/?EIO=4&transport=polling";
    }

    private HttpResponse<String> send(String method, String url, String body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body);
        return http.send(HttpRequest.newBuilder(URI.create(url)).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String session() throws Exception {
        return new JSONObject(send("GET", polling(), null).body().substring(1)).getString("sid");
    }

    private void httpError(String method, String url, String body, int status, int code) throws Exception {
        HttpResponse<String> response = send(method, url, body);
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(code, new JSONObject(response.body()).getInt("code"));
    }

    private static void closedWith(RawSocketClient client, String expected) throws Exception {
        String frame = client.expectControl("");
        assertTrue(frame.matches(expected), "got " + frame);
    }

    private static RawSocketClient engineOnly() throws Exception {
        RawSocketClient client = RawSocketClient.open(Ports.http(), "", Map.of());
        client.expectControl("0");
        return client;
    }

    @Test
    void transport() {
        new Catalog("transport")
                .add("EIO missing", () -> httpError("GET", polling().replace("EIO=4&", ""), null, 400, 5))
                .add("EIO=3", () -> httpError("GET", polling().replace("EIO=4", "EIO=3"), null, 400, 5))
                .add("EIO not a number", () -> httpError("GET", polling().replace("EIO=4", "EIO=x"), null, 400, 5))
                .add("unknown transport", () -> httpError("GET", polling().replace("polling", "flash"), null, 400, 0))
                .add("unknown sid", () -> httpError("GET", polling() + "&sid=nope", null, 400, 1))
                .add("POST handshake", () -> httpError("POST", polling(), "40", 400, 2))
                .add("malformed POST body", () -> httpError("POST", polling() + "&sid=" + session(), "abc", 400, 3))
                .add("empty POST body", () -> httpError("POST", polling() + "&sid=" + session(), "", 400, 3))
                .add("POST over maxPayload", () -> httpError("POST", polling() + "&sid=" + session(),
                        "4" + "x".repeat(1_000_000), 413, 3))
                .add("unknown HTTP method on a session", () -> httpError("PUT", polling() + "&sid=" + session(), "4", 400, 3))
                .add("no query at all", () -> httpError("GET", polling().substring(0, polling().indexOf('?')), null, 400, 5))
                .add("EIO twice", () -> httpError("GET", polling() + "&EIO=4", null, 400, 5))
                .add("a bad escape in the query", () -> {
                    // Not through java.net.URI, which refuses to build it.
                    OneShotHttp.Answer answer = OneShotHttp.get(Ports.http(), "/socket.io/?EIO=4&transport=polling&x=%zz");
                    assertEquals(400, answer.status(), answer.body());
                })
                .add("chunked POST (no Content-Length)", () -> {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(polling() + "&sid=" + session()))
                            .POST(HttpRequest.BodyPublishers.ofInputStream(
                                    () -> new java.io.ByteArrayInputStream("40/portfolio,".getBytes(StandardCharsets.UTF_8))))
                            .build(), HttpResponse.BodyHandlers.ofString());
                    assertEquals(200, response.statusCode(), response.body());
                    assertEquals("ok", response.body());
                })
                .add("WebSocket with EIO=3", () -> closedWith(
                        RawSocketClient.openWithQuery(Ports.http(), "EIO=3&transport=websocket", Map.of()), "closed 1002"))
                .add("WebSocket with unknown sid", () -> closedWith(RawSocketClient.open(Ports.http(), "&sid=nope", Map.of()), "closed \\d+"))
                .add("WebSocket from another site", () -> closedWith(
                        RawSocketClient.open(Ports.http(), "", Map.of("Origin", "https://evil.example")), "closed 1008"))
                .add("WebSocket message over maxPayload", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("4" + "x".repeat(1_000_001));
                    closedWith(client, "closed 1009");
                })
                .add("WebSocket garbage engine packet", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("abc");
                    closedWith(client, "closed \\d+");
                })
                .add("WebSocket ping from the client (v4 servers ping)", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("2");
                    closedWith(client, "closed \\d+");
                })
                .run(this::stillWorks);
    }

    @Test
    void packets() {
        Function<String, Catalog.Check> closes = frame -> () -> {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid("packets"));
            client.send(frame);
            closedWith(client, "closed \\d+");
        };
        new Catalog("packets")
                .add("event with broken JSON", closes.apply("42/portfolio,[\"join-conversation\""))
                .add("unknown packet type", closes.apply("49/portfolio,[]"))
                .add("event that is not an array", closes.apply("42/portfolio,{\"a\":1}"))
                .add("binary event without its attachment count", closes.apply("45/portfolio,[\"x\",{\"_placeholder\":true,\"num\":0}]"))
                .add("binary attachment count that is not a number", closes.apply("45x-/portfolio,[\"x\"]"))
                .add("CONNECT payload that is not an object", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("40/portfolio,[1]");
                    closedWith(client, "closed \\d+");
                })
                .add("CONNECT with broken JSON", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("40/portfolio,{\"token\":");
                    closedWith(client, "closed \\d+");
                })
                .add("CONNECT to an unknown namespace", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("40/admin,{}");
                    assertEquals("44/admin,{\"message\":\"Invalid namespace\"}", client.expectControl("4"));
                    client.close();
                })
                .add("CONNECT to the main namespace", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("40");
                    assertEquals("44{\"message\":\"Invalid namespace\"}", client.expectControl("4"));
                    client.close();
                })
                .add("event for a namespace never joined is ignored", () -> {
                    try (RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid("packets"))) {
                        client.send("42/elsewhere,[\"join-conversation\",\"x\"]");
                        assertTrue(client.emitWithAck("join-conversation", "after").getJSONObject(0).getBoolean("ok"));
                    }
                })
                .add("unknown event name is ignored", () -> {
                    try (RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid("packets"))) {
                        client.send("42/portfolio,[\"drop-database\",1]");
                        assertTrue(client.emitWithAck("join-conversation", "after").getJSONObject(0).getBoolean("ok"));
                    }
                })
                .run(this::stillWorks);
    }

    private static Catalog.Check refused(String token, String reason) {
        return () -> {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), token);
            assertFalse(client.connected());
            assertEquals("unauthorized", client.connectError().getString("message"));
            assertEquals(reason, client.connectError().getJSONObject("data").getString("reason"));
            client.close();
        };
    }

    @Test
    void tokens() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.PrivateKey strangerKey = generator.generateKeyPair().getPrivate();
        String noneToken = b64("{\"alg\":\"none\"}") + "." + b64(TestTokens.claims("mallory", 600).toJson()) + ".";
        new Catalog("tokens")
                .add("no token", refused(null, "missing"))
                .add("empty token", refused("", "missing"))
                .add("alg none", refused(noneToken, "algorithm"))
                .add("HS256 keyed with the public key (alg confusion)", refused(TestTokens.signWith(
                        TestTokens.claims("mallory", 600), AlgorithmIdentifiers.HMAC_SHA256,
                        new HmacKey(TestTokens.publicKeyPem().getBytes(StandardCharsets.UTF_8)), null), "algorithm"))
                .add("signed by another key", refused(TestTokens.signWith(TestTokens.claims("mallory", 600),
                        AlgorithmIdentifiers.RSA_USING_SHA256, strangerKey, null), "signature"))
                .add("unknown kid, another key", refused(TestTokens.signWith(TestTokens.claims("mallory", 600),
                        AlgorithmIdentifiers.RSA_USING_SHA256, strangerKey, "rotated-away"), "signature"))
                .add("expired", refused(TestTokens.expired("late"), "expired"))
                .add("nbf in the future", refused(TestTokens.custom("early",
                        c -> c.setNotBefore(NumericDate.fromSeconds(NumericDate.now().getValue() + 300))), "not_yet_valid"))
                .add("iat in the future", refused(TestTokens.custom("early",
                        c -> c.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() + 300))), "not_yet_valid"))
                .add("wrong issuer", refused(TestTokens.custom("u", c -> c.setIssuer("https://evil.example")), "claims"))
                .add("wrong audience", refused(TestTokens.custom("u", c -> c.setAudience("someone-else")), "claims"))
                .add("no exp", refused(TestTokens.custom("u", c -> c.unsetClaim("exp")), "claims"))
                .add("no user id", refused(TestTokens.custom("u", c -> c.unsetClaim("sub")), "claims"))
                .add("tampered payload", refused(tampered(TestTokens.valid("alice")), "signature"))
                .add("100 KB token", refused("a".repeat(100_000), "malformed"))
                .add("1 MB token (a CONNECT over maxPayload)", () -> {
                    RawSocketClient client = engineOnly();
                    client.send("40/portfolio,{\"token\":\"" + "a".repeat(1_000_000) + "\"}");
                    closedWith(client, "closed 1009");
                })
                .add("non-JWT junk", refused("not-a-jwt", "malformed"))
                .run(this::stillWorks);
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        return parts[0] + "." + b64(TestTokens.claims("mallory", 600).toJson()) + "." + parts[2];
    }

    private static String b64(String text) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void roomIds() throws Exception {
        RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid("rooms"));
        Function<Object, Catalog.Check> refusedId = id -> () -> {
            JSONObject answer = client.emitWithAck("join-conversation", id).getJSONObject(0);
            assertFalse(answer.getBoolean("ok"), String.valueOf(id));
            assertTrue(answer.getString("error").startsWith("conversation id"), answer.toString());
        };
        new Catalog("room ids")
                .add("empty", refusedId.apply(""))
                .add("129 characters", refusedId.apply("c".repeat(129)))
                .add("space", refusedId.apply("a b"))
                .add("slash", refusedId.apply("a/b"))
                .add("non-ASCII", refusedId.apply("ü"))
                .add("object", refusedId.apply(new JSONObject().put("id", 1)))
                .add("array", refusedId.apply(new JSONArray().put("c1")))
                .add("null", refusedId.apply(JSONObject.NULL))
                .add("boolean", refusedId.apply(true))
                .add("fraction", refusedId.apply(1.5))
                .run(this::stillWorks);
        client.close();
    }

    private static Catalog.Check deadLettered(String destination, Function<JMSContext, Message> body,
            Map<String, String> properties, String reasonStart) {
        return () -> {
            String marker = UUID.randomUUID().toString();
            Map<String, String> withMarker = new java.util.HashMap<>(properties);
            withMarker.put("marker", marker);
            BusPublisher.send(destination, body, withMarker);
            try (JMSContext context = BusPublisher.connectionFactory().createContext();
                 JMSConsumer consumer = context.createConsumer(BusPublisher.lookup(BusPublisher.DEAD_LETTER),
                         "marker = '" + marker + "'")) {
                Message dead = consumer.receive(10_000);
                assertNotNull(dead, "not dead-lettered within 10 s");
                String reason = dead.getStringProperty(DeadLetters.REASON);
                assertTrue(reason.startsWith(reasonStart), reason);
            }
        };
    }

    private static Function<JMSContext, Message> text(String body) {
        return context -> context.createTextMessage(body);
    }

    private static Function<JMSContext, Message> bytes(byte[] body) {
        return context -> {
            BytesMessage message = context.createBytesMessage();
            try {
                message.writeBytes(body);
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
            return message;
        };
    }

    @Test
    void busEvents() {
        String n = BusPublisher.NOTIFICATIONS;
        String m = BusPublisher.MESSAGES;
        Map<String, String> user = Map.of("userId", "u1");
        Map<String, String> conversation = Map.of("conversationId", "c1");
        new Catalog("bus events")
                .add("not JSON", deadLettered(n, text("hello"), user, "body is not valid JSON"))
                .add("JSON array", deadLettered(n, text("[1,2]"), user, "body is JSON array"))
                .add("JSON string", deadLettered(m, text("\"hi\""), conversation, "body is JSON string"))
                .add("JSON number", deadLettered(m, text("42"), conversation, "body is JSON number"))
                .add("empty body", deadLettered(n, text(""), user, "empty body"))
                .add("two documents", deadLettered(n, text("{}{}"), user, "body is not valid JSON"))
                .add("single quotes", deadLettered(n, text("{'userId':'u1'}"), Map.of(), "body is not valid JSON"))
                .add("notification without userId", deadLettered(n, text("{\"title\":\"x\"}"), Map.of(), "no userId"))
                .add("message without conversationId", deadLettered(m, text("{\"text\":\"x\"}"), Map.of(), "no conversationId"))
                .add("userId that is an object", deadLettered(n, text("{\"userId\":{}}"), Map.of(), "userId must be"))
                .add("conversationId with a space", deadLettered(m, text("{}"), Map.of("conversationId", "a b"), "conversationId is invalid"))
                .add("10 MB body", deadLettered(n, text("{\"pad\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}"), user, "body larger than"))
                .add("BytesMessage that is not UTF-8", deadLettered(n, bytes(new byte[] {(byte) 0xC3, (byte) 0x28}), user,
                        "BytesMessage body is not UTF-8"))
                .add("MapMessage", deadLettered(n, JMSContext::createMapMessage, user, "unsupported message type"))
                .add("StreamMessage", deadLettered(m, JMSContext::createStreamMessage, conversation, "unsupported message type"))
                .add("ObjectMessage", deadLettered(m, JMSContext::createObjectMessage, conversation, "unsupported message type"))
                .run(this::stillWorks);
    }
}

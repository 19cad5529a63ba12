package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A node launched under an open-file limit of 1024 ({@code ulimit -n}), in the production layout (app in apps/,
 * nothing polled) on Artemis, taken past its connection cap and then past the limit itself:
 * the application is never stopped and never runs out of descriptors, held clients keep
 * receiving, new sessions get 503 with Retry-After, readiness says DOWN, and all of it recovers
 * when clients leave.
 */
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class OpenFileCeilingIT {

    private static final int LIMIT = 1024;
    private static final int RESERVE = 512; // portfolio.limits.descriptor-reserve's default
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void pastTheCapAndTheOpenFileLimitTheApplicationStaysUpAndHeldClientsKeepReceiving() throws Exception {
        try (LocalCluster cluster = new LocalCluster("ceiling", 61821, 9680, 1).withEnv(ClusterEnv.testNodes())) {
            cluster.node(1).withOpenFileLimit(LIMIT);
            cluster.start();
            LibertyNode node = cluster.node(1);
            JsonObject capacity = node.readinessCheck("capacity").getJsonObject("data");
            assertEquals(LIMIT, capacity.getJsonNumber("openFileLimit").longValue(), "the limit read at start");
            int cap = capacity.getInt("maxConnections");
            assertEquals(LIMIT - RESERVE, cap, "the cap derived from it");

            String conversation = RawSocketClient.unique("ceiling");
            List<RawSocketClient> held = new ArrayList<>();
            List<Socket> idle = new ArrayList<>();
            try (JavaProducer producer = new JavaProducer(cluster.broker())) {
                for (int i = 0; i < cap; i++) {
                    RawSocketClient client = RawSocketClient.connect(node.httpPort(), TestTokens.valid(conversation + "-" + i));
                    held.add(client);
                    TwoNodes.join(client, conversation);
                }
                for (int i = 0; i < 50; i++) {
                    assertEquals(503, refusedUpgradeStatus(node.httpPort()), "WebSocket handshake " + i + " past the cap");
                }
                HttpResponse<String> polling = pollingHandshake(node.httpPort());
                assertEquals(503, polling.statusCode());
                assertEquals("5", polling.headers().firstValue("Retry-After").orElse(null));
                assertEquals("Server at capacity", new JSONObject(polling.body()).getString("message"));
                assertEquals("DOWN", node.readinessCheck("capacity").getString("status"));

                // Now more TCP connections than the open-file limit: Liberty stops accepting at its
                // backstop (the limit less 256), the rest wait in the kernel's backlog.
                openIdleConnections(node.httpPort(), LIMIT, idle);
                producer.text(JavaProducer.MESSAGES, "{\"_id\":\"at-the-limit\"}", Map.of("conversationId", conversation));
                for (RawSocketClient client : held) {
                    TwoNodes.expect(client, "message:new", "at-the-limit");
                }
                for (Socket socket : idle) {
                    socket.close();
                }
                idle.clear();

                // A held client leaves: a new one is admitted again and receives too.
                held.remove(0).close();
                Await.until("readiness is UP again", Duration.ofSeconds(30), () -> "UP".equals(node.readinessStatus()));
                RawSocketClient late = RawSocketClient.connect(node.httpPort(), TestTokens.valid(conversation + "-late"));
                held.add(late);
                assertTrue(late.connected(), String.valueOf(late.connectError()));
                TwoNodes.join(late, conversation);
                producer.text(JavaProducer.MESSAGES, "{\"_id\":\"after\"}", Map.of("conversationId", conversation));
                for (RawSocketClient client : held) {
                    TwoNodes.expect(client, "message:new", "after");
                }
            } finally {
                for (Socket socket : idle) {
                    socket.close();
                }
                held.forEach(RawSocketClient::abort);
            }
            String log = node.messagesLog();
            assertFalse(log.contains("Too many open files"), "the process ran out of descriptors");
            assertFalse(log.contains("CWWKZ0013E"), "Liberty tried to start the application a second time");
            assertFalse(log.contains("CWWKZ0009I"), "the application was stopped");
            assertTrue(log.contains("at the connection cap: refusing new sessions with 503"), "the cap is logged once reached");
        }
    }

    private static int refusedUpgradeStatus(int port) throws Exception {
        try {
            HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                    new java.net.http.WebSocket.Listener() { }).get();
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw e;
        }
    }

    private static HttpResponse<String> pollingHandshake(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens up to {@code count} TCP connections that send nothing; stops early once connects stop succeeding. */
    private static void openIdleConnections(int port, int count, List<Socket> into) throws IOException {
        int failures = 0;
        for (int i = 0; i < count && failures < 5; i++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                into.add(socket);
                failures = 0;
            } catch (IOException full) {
                socket.close();
                failures++;
            }
        }
    }
}

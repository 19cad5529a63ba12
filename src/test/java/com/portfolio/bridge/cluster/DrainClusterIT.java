package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A node stopped with clients connected and events flowing. SIGTERM: readiness DOWN and new
 * sessions refused at once, the clients sent away spread over the grace period. Either way
 * (SIGTERM or {@code server stop}) every client is back on the other node recovered, and has every
 * event published before the node was gone, once and in order.
 */
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class DrainClusterIT extends TwoNodeTest {

    private static final long GRACE_MS = 4_000;
    private static final int CLIENTS = 30;
    private static final int ROUNDS_PER_SECOND = 10;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    DrainClusterIT() {
        super("drain", 61721, 9320);
    }

    @Override
    Map<String, String> extraEnv() {
        return Map.of("PORTFOLIO_SHUTDOWN_GRACE_MS", String.valueOf(GRACE_MS));
    }

    /** Node 3, started with the others: the node the second test stops, since the first took node 1 down for good. */
    @Override
    int spareNodes() {
        return 1;
    }

    @Test
    @Order(1)
    void sigtermSendsEveryClientToTheOtherNodeSpreadOutAndLosesNoEvent() throws Exception {
        Stopped stopped = stopUnderLoad(cluster.node(1), true);
        List<Long> sentAway = stopped.sentAway();
        long first = sentAway.stream().min(Long::compare).orElseThrow();
        long last = sentAway.stream().max(Long::compare).orElseThrow();
        String when = "sent away at " + sentAway.stream().sorted().map(t -> t - stopped.stopAt()).toList() + " ms after SIGTERM; ";
        assertTrue(first - stopped.stopAt() < 1_000, when + "the first client goes at once: " + (first - stopped.stopAt()) + " ms");
        assertTrue(last - first >= GRACE_MS / 2, when + "spread over the grace period: " + (last - first) + " ms");
        assertTrue(last - stopped.stopAt() <= GRACE_MS + 1_000, when + "and within it: " + (last - stopped.stopAt()) + " ms");
        assertTrue(stopped.goneAt() - stopped.stopAt() < GRACE_MS + 20_000, "node 1 then stops: "
                + (stopped.goneAt() - stopped.stopAt()) + " ms");
    }

    /**
     * {@code server stop} cannot drain (Liberty closes its listener and every WebSocket before any
     * application code runs), but nothing is lost either: every client is back on node 2, recovered.
     * On node 3, which was started with the others (node 1 is gone since the first test).
     */
    @Test
    @Order(2)
    void serverStopSendsEveryClientAwayAtOnceAndStillLosesNoEvent() throws Exception {
        stopUnderLoad(cluster.node(3), false);
    }

    private record Stopped(long stopAt, long goneAt, List<Long> sentAway) {
    }

    /** Clients on {@code stopped}, events flowing, it is stopped: each client back on node 2 with every event once. */
    private Stopped stopUnderLoad(LibertyNode stopped, boolean sigterm) throws Exception {
        String prefix = RawSocketClient.unique("drain");
        AtomicBoolean publishing = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        try (ScriptClient clients = ScriptClient.start("drain-clients.mjs", stopped, cluster.node(2),
                Map.of("COUNT", String.valueOf(CLIENTS), "USER_PREFIX", prefix))) {
            assertTrue(clients.next(60).getBoolean("ready"));
            // Its own thread: on Java 25 the async pool of a two-core machine runs one task, and the
            // SIGTERM'd node's onExit() completes on that pool, behind a producer that waits for it.
            CompletableFuture<Void> producer = AllAtOnce.begin(prefix, p -> "producer", p -> publish(p, publishing, rounds));
            Await.until("events flowing", Duration.ofSeconds(20), () -> rounds.get() >= 10);

            long stopAt = System.currentTimeMillis();
            if (sigterm) {
                ProcessHandle process = stopped.terminate();
                Await.until(stopped.name() + " not ready", Duration.ofSeconds(2), () -> !"UP".equals(stopped.readinessStatus()));
                assertEquals(503, handshakeStatus(stopped.httpPort()), "a new session on " + stopped.name() + " is refused");
                process.onExit().get(GRACE_MS + 30_000, TimeUnit.MILLISECONDS);
            } else {
                stopped.stop();
            }
            long goneAt = System.currentTimeMillis();
            publishing.set(false);
            producer.get(30, TimeUnit.SECONDS);
            int published = rounds.get();

            List<Long> sentAway = new ArrayList<>();
            for (JSONObject client : report(clients, published)) {
                String user = client.getString("user");
                JSONArray disconnects = client.getJSONArray("disconnects");
                assertEquals(1, disconnects.length(), user + ": sent away once: " + disconnects);
                // A poller whose next request comes after its session is gone sees the 400 as a transport error.
                assertTrue(List.of("transport close", "transport error").contains(disconnects.getJSONObject(0).getString("reason")),
                        user + ": a reason the client reconnects after: " + disconnects);
                sentAway.add(disconnects.getJSONObject(0).getLong("at"));
                JSONArray connects = client.getJSONArray("connects");
                assertEquals(2, connects.length(), user + ": " + connects);
                JSONObject back = connects.getJSONObject(1);
                assertTrue(back.getBoolean("recovered") && back.getString("url").endsWith(":" + cluster.node(2).httpPort()),
                        user + " is back on node 2, recovered: " + connects + " after " + disconnects);
                assertEquals(IntStream.range(0, published).boxed().toList(), client.getJSONArray("seqs").toList(),
                        user + ": every event once, in order");
            }
            clients.send("quit");
            return new Stopped(stopAt, goneAt, sentAway);
        } finally {
            publishing.set(false);
        }
    }

    // One numbered notification per user per round, ROUNDS_PER_SECOND rounds a second, until told
    // to stop: 300 events/s in all, 10 a second for each user, far more than a user gets.
    private void publish(String prefix, AtomicBoolean publishing, AtomicInteger rounds) {
        long next = System.nanoTime();
        try {
            while (publishing.get()) {
                next += 1_000_000_000L / ROUNDS_PER_SECOND;
                java.util.concurrent.locks.LockSupport.parkNanos(next - System.nanoTime());
                int seq = rounds.get();
                for (int i = 0; i < CLIENTS; i++) {
                    String user = prefix + "-" + i;
                    producer.text(JavaProducer.NOTIFICATIONS, "{\"userId\":\"" + user + "\",\"seq\":" + seq + "}", Map.of());
                }
                rounds.incrementAndGet();
            }
        } catch (Exception e) {
            throw new IllegalStateException("publishing failed", e);
        }
    }

    private static int handshakeStatus(int port) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    // The clients answer once each has every event (replays may still be arriving), or after 30 s.
    private static List<JSONObject> report(ScriptClient clients, int published) throws Exception {
        clients.send("report " + published);
        List<JSONObject> reports = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            reports.add(clients.next(40));
        }
        return reports;
    }
}

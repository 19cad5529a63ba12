package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.config.EngineSettings;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Heap;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.transport.OpenWebSockets;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: thousands of clients come and go — clean closes, dropped connections, clients
 * that go silent until the heartbeat gives up, connections that never send CONNECT (WebSocket
 * and polling), sockets whose token expires — and what the node reports returns to baseline:
 * the values behind its /metrics gauges and its WebSocket write queues, every room on the HTTP
 * API, every user's whole socket limit, and the heap.
 */
@ExtendWith(ArquillianExtension.class)
class LeakIT {

    private static final Logger LOG = Logger.getLogger(LeakIT.class.getName());
    private static final int PER_KIND = 700;
    private static final String[] GAUGES = {"sockets", "connections", "queued bytes", "WebSocket write queues"};
    // A count that has not come down for this long is held by something: the leak this test looks for.
    // While counts still come down, a busy machine is only slow.
    private static final Duration QUIET = Duration.ofSeconds(30);
    // Liberty's waits when the bridge closes a WebSocket whose peer does not answer (SessionCloser):
    // up to 5.5 s for its close frame and 3 s for a pending read, on up to 128 closer threads at once.
    private static final Duration CLOSE_WAITS = Duration.ofMillis(5_500 + 3_000);
    private static final int CLOSERS = 128;

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void countsReturnToBaselineAfterThousandsOfClients() throws Exception {
        long[] baseline = gauges();
        long heapBefore = Heap.usedAfterGc();

        // Clients that leave: cleanly, by dropping the connection, or by going silent. Each user
        // holds its whole limit of sockets, so a single slot left behind refuses it one later.
        List<RawSocketClient> clean = connectMany("clean");
        List<RawSocketClient> dropped = connectMany("dropped");
        List<RawSocketClient> silent = connectMany("silent");
        LOG.info(() -> "connected " + describe(gauges()));
        assertTrue(gauges()[0] >= baseline[0] + 3 * PER_KIND);
        clean.forEach(RawSocketClient::close);
        dropped.forEach(RawSocketClient::abort);
        silent.forEach(RawSocketClient::stall);
        awaitBaseline("clients that left", baseline, 3 * PER_KIND);
        silent.forEach(RawSocketClient::abort);
        for (String kind : List.of("clean", "dropped", "silent")) {
            awaitRoomsEmpty(kind, PER_KIND);
        }

        // Connections the server ends itself: no CONNECT in time (WebSocket and polling), token expiry.
        List<RawSocketClient> neverConnected = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            neverConnected.add(RawSocketClient.open(Ports.http(), "", Map.of()));
        }
        int pollingHandshakes = 200;
        for (int i = 0; i < pollingHandshakes; i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Ports.http()
                    + "/socket.io/?EIO=4&transport=polling")).build(), HttpResponse.BodyHandlers.discarding());
        }
        List<RawSocketClient> expiring = new ArrayList<>();
        int perUser = perUser();
        for (int i = 0; i < 100; i++) {
            expiring.add(RawSocketClient.connect(Ports.http(), TestTokens.expiringIn(user("expiring", i), 2)));
        }
        awaitBaseline("connections the server ended", baseline, neverConnected.size() + pollingHandshakes + expiring.size());
        neverConnected.forEach(RawSocketClient::abort);
        expiring.forEach(RawSocketClient::abort);
        awaitRoomsEmpty("expiring", 100);

        for (String kind : List.of("clean", "dropped", "silent")) {
            connectWholeLimits(kind, PER_KIND / perUser);
        }
        connectWholeLimits("expiring", 100 / perUser);
        awaitBaseline("the whole limits closed", baseline, (3 * (PER_KIND / perUser) + 100 / perUser) * perUser);

        // The test's own clients live in this JVM too: let go of them before weighing the heap.
        List.of(clean, dropped, silent, neverConnected, expiring).forEach(List::clear);
        // The library keeps each connection reachable from its CONNECT-timeout task until it runs.
        // Once a second: each question is three full collections.
        Await.until("heap back to baseline (" + heapBefore / 1024 + " KiB before)", Duration.ofSeconds(30), Duration.ofSeconds(1),
                () -> Heap.usedAfterGc() - heapBefore < Heap.TOLERANCE_BYTES);
        LOG.info(() -> "heap after GC: " + heapBefore / 1024 + " KiB before, " + Heap.usedAfterGc() / 1024 + " KiB after");
    }

    /**
     * Sockets that leave /portfolio but keep their connection (a namespace DISCONNECT): a user's
     * whole limit of them, twice, before the CONNECT timeout (5 s here) and after it.
     * socket.io-server-java's own timeout, a second after ours, would close such a connection by
     * first dropping every close listener on it: the connection, the user's slot and the cap's
     * count held forever, so the next round would be refused. Each connection is closed, the
     * gauges return to baseline, and each round, and a last one, connects in full.
     */
    @Test
    void connectionsWhoseSocketLeftTheNamespaceAreClosedAndForgotten() throws Exception {
        long[] baseline = gauges();
        String early = RawSocketClient.unique("leaves-early");
        String late = RawSocketClient.unique("leaves-late");
        for (int round = 1; round <= 2; round++) {
            leaveTheNamespace(early, Duration.ZERO);
            awaitBaseline("round " + round + ", sockets that left before the timeout", baseline, perUser());
            // 7 s: past ours (5 s) and the library's (6 s).
            leaveTheNamespace(late, Duration.ofSeconds(7));
            awaitBaseline("round " + round + ", sockets that left after the timeout", baseline, perUser());
        }
        for (String user : List.of(early, late)) {
            connectWholeLimit(user).forEach(RawSocketClient::close);
        }
    }

    // The user's whole limit of sockets connect, stay for a while, leave the namespace, and are closed.
    private static void leaveTheNamespace(String user, Duration stay) throws Exception {
        List<RawSocketClient> clients = connectWholeLimit(user);
        long leaveAt = System.nanoTime() + stay.toNanos();
        Await.until(user + " in the namespace for " + stay, stay.plusSeconds(5), () -> System.nanoTime() >= leaveAt);
        // A socket is counted by the namespace's connection event, which the library fires just after the CONNECT answer the client waits for.
        Await.until(user + "'s sockets all counted in the namespace (" + describe(gauges()) + ")", Duration.ofSeconds(5),
                () -> gauges()[0] >= clients.size());
        long held = gauges()[0];
        for (RawSocketClient client : clients) {
            client.send("41" + PortfolioNamespace.NAME + ",");
        }
        for (RawSocketClient client : clients) {
            // RawSocketClient.WAIT (10 s) covers the 5 s timeout.
            client.expectControl("closed");
        }
        assertTrue(held >= clients.size(), "the sockets stayed in the namespace until they left: " + held);
    }

    private static List<RawSocketClient> connectWholeLimit(String user) throws Exception {
        List<RawSocketClient> clients = new ArrayList<>();
        for (int i = 0; i < perUser(); i++) {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
            assertTrue(client.connected(), user + " socket " + i + ": " + client.connectError());
            clients.add(client);
        }
        return clients;
    }

    // Every user of the kind connects its whole limit again: none of its slots was left held.
    private static void connectWholeLimits(String kind, int users) throws Exception {
        for (int u = 0; u < users; u++) {
            connectWholeLimit(kind + "-" + u).forEach(RawSocketClient::close);
        }
    }

    // Each user and each conversation the kind's clients were in has no socket left.
    private static void awaitRoomsEmpty(String kind, int clients) throws Exception {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            if (!users.contains(user(kind, i))) {
                users.add(user(kind, i));
            }
        }
        List<String> conversations = new ArrayList<>(List.of("all-" + kind));
        for (int r = 0; r < 50; r++) {
            conversations.add(kind + "-room-" + r);
        }
        Await.untilDown(kind + ": no user of theirs has a socket", new long[] {0},
                () -> new long[] {stillHeld(users, Presence::userSockets)}, QUIET, QUIET.multipliedBy(2), Duration.ofMillis(200));
        Await.untilDown(kind + ": their conversations are empty", new long[] {0},
                () -> new long[] {stillHeld(conversations, Presence::conversationSockets)}, QUIET, QUIET.multipliedBy(2),
                Duration.ofMillis(200));
    }

    // Drops the rooms found empty, from the first to the first that is not; how many are left. A room
    // found empty stays so: none of these users connects again meanwhile.
    private static long stillHeld(List<String> rooms, java.util.function.ToIntFunction<String> sockets) {
        while (!rooms.isEmpty() && sockets.applyAsInt(rooms.get(0)) == 0) {
            rooms.remove(0);
        }
        return rooms.size();
    }

    /**
     * Sockets, Engine.IO connections and bytes queued for WebSocket clients: what /metrics exports
     * as portfolio_sockets, portfolio_connections and portfolio_outbound_queued_bytes, read where
     * its gauges read them (scraped instead, /metrics left a request unanswered for over 10 s
     * while the thousands of clients were leaving). And the write queues still registered, which
     * nothing but the heap would show otherwise.
     */
    private static long[] gauges() {
        PortfolioNamespace namespace = CDI.current().select(PortfolioNamespace.class).get();
        OpenWebSockets webSockets = CDI.current().select(OpenWebSockets.class).get();
        return new long[] {namespace.connectedSockets(), namespace.openConnections(), webSockets.queuedBytes(),
            webSockets.count()};
    }

    /**
     * Until every gauge is back to {@code baseline}, for as long as they come down (see {@link #QUIET}),
     * within what a correct node can take to let {@code connections} go: the heartbeat or the CONNECT
     * timeout, then the closes' bounded waits, closer thread by closer thread.
     */
    private static void awaitBaseline(String phase, long[] baseline, int connections) throws Exception {
        EngineSettings engine = CDI.current().select(BridgeConfig.class).get().engine();
        Duration first = Duration.ofMillis(Math.max(engine.pingIntervalMs() + engine.pingTimeoutMs(), engine.connectTimeoutMs()));
        Duration limit = first.plus(CLOSE_WAITS.multipliedBy((connections + CLOSERS - 1) / CLOSERS)).plus(QUIET);
        Await.untilDown(phase + ": " + String.join(", ", GAUGES) + " back to baseline", baseline, LeakIT::gauges, QUIET, limit,
                Duration.ofMillis(50));
        LOG.info(() -> phase + ": back to baseline " + describe(gauges()));
    }

    private static String describe(long[] gauges) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < GAUGES.length; i++) {
            text.append(GAUGES[i]).append('=').append(gauges[i]).append(' ');
        }
        return text.toString().trim();
    }

    private static int perUser() {
        return CDI.current().select(BridgeConfig.class).get().limits().socketsPerUser();
    }

    // Clients fill their users one whole limit after another.
    private static String user(String kind, int client) {
        return kind + "-" + client / perUser();
    }

    private static List<RawSocketClient> connectMany(String kind) throws Exception {
        List<RawSocketClient> clients = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(user(kind, i)));
            client.emitWithAck("join-conversation", kind + "-room-" + (i % 50));
            client.emitWithAck("join-conversation", "all-" + kind);
            clients.add(client);
        }
        return clients;
    }
}

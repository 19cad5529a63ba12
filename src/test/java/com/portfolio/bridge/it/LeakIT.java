package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Heap;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.config.BridgeConfig;
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
import java.util.function.IntSupplier;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: thousands of clients come and go — clean closes, dropped connections, clients
 * that go silent until the heartbeat gives up, connections that never send CONNECT (WebSocket
 * and polling), sockets whose token expires — and the singleton's counts return to baseline.
 */
@ExtendWith(ArquillianExtension.class)
class LeakIT {

    private static final Logger LOG = Logger.getLogger(LeakIT.class.getName());
    private static final int PER_KIND = 700;

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void countsReturnToBaselineAfterThousandsOfClients() throws Exception {
        PortfolioNamespace namespace = CDI.current().select(PortfolioNamespace.class).get();
        OpenWebSockets webSockets = CDI.current().select(OpenWebSockets.class).get();
        IntSupplier[] counts = {namespace::connectedSockets, namespace::openConnections,
                namespace::admittedConnections, namespace::connectedUsers, namespace::roomCount, webSockets::count};
        String[] names = {"sockets", "connections", "admitted", "users", "rooms", "WebSocket write queues"};
        int[] baseline = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            baseline[i] = counts[i].getAsInt();
        }
        long heapBefore = Heap.usedAfterGc();

        // Clients that leave: cleanly, by dropping the connection, or by going silent.
        List<RawSocketClient> clean = connectMany("clean");
        List<RawSocketClient> dropped = connectMany("dropped");
        List<RawSocketClient> silent = connectMany("silent");
        LOG.info(() -> "connected " + namespace.connectedSockets() + " sockets in " + namespace.roomCount() + " rooms");
        assertTrue(namespace.connectedSockets() >= baseline[0] + 3 * PER_KIND);
        clean.forEach(RawSocketClient::close);
        dropped.forEach(RawSocketClient::abort);
        silent.forEach(RawSocketClient::stall);
        awaitBaseline("clients that left", names, counts, baseline);
        silent.forEach(RawSocketClient::abort);

        // Connections the server ends itself: no CONNECT in time (WebSocket and polling), token expiry.
        List<RawSocketClient> neverConnected = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            neverConnected.add(RawSocketClient.open(Ports.http(), "", Map.of()));
        }
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Ports.http()
                    + "/socket.io/?EIO=4&transport=polling")).build(), HttpResponse.BodyHandlers.discarding());
        }
        List<RawSocketClient> expiring = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            expiring.add(RawSocketClient.connect(Ports.http(), TestTokens.expiringIn("expiring-" + i, 2)));
        }
        awaitBaseline("connections the server ended", names, counts, baseline);
        neverConnected.forEach(RawSocketClient::abort);
        expiring.forEach(RawSocketClient::abort);
        // The test's own clients live in this JVM too: let go of them before weighing the heap.
        List.of(clean, dropped, silent, neverConnected, expiring).forEach(List::clear);
        // The library keeps each connection reachable from its CONNECT-timeout task until it runs.
        Await.until("heap back to baseline (" + heapBefore / 1024 + " KiB before)", Duration.ofSeconds(30),
                () -> Heap.usedAfterGc() - heapBefore < Heap.TOLERANCE_BYTES);
        LOG.info(() -> "heap after GC: " + heapBefore / 1024 + " KiB before, " + Heap.usedAfterGc() / 1024 + " KiB after");
    }

    /**
     * Sockets that leave /portfolio but keep their connection (a namespace DISCONNECT): a user's
     * whole limit of them, twice, before the CONNECT timeout (5 s here) and after it.
     * socket.io-server-java's own timeout, a second after ours, would close such a connection by
     * first dropping every close listener on it: the connection, the user's slot and the cap's
     * count held forever, so the second round would be refused. Each connection is closed, every
     * count returns to baseline, and each round connects in full.
     */
    @Test
    void connectionsWhoseSocketLeftTheNamespaceAreClosedAndForgotten() throws Exception {
        PortfolioNamespace namespace = CDI.current().select(PortfolioNamespace.class).get();
        IntSupplier[] counts = {namespace::connectedSockets, namespace::openConnections, namespace::admittedConnections};
        String[] names = {"sockets", "connections", "admitted"};
        int[] baseline = {counts[0].getAsInt(), counts[1].getAsInt(), counts[2].getAsInt()};
        String early = RawSocketClient.unique("leaves-early");
        String late = RawSocketClient.unique("leaves-late");
        for (int round = 1; round <= 2; round++) {
            leaveTheNamespace(namespace, early, Duration.ZERO);
            awaitBaseline("round " + round + ", sockets that left before the timeout", names, counts, baseline);
            // 7 s: past ours (5 s) and the library's (6 s).
            leaveTheNamespace(namespace, late, Duration.ofSeconds(7));
            awaitBaseline("round " + round + ", sockets that left after the timeout", names, counts, baseline);
        }
    }

    // The user's whole limit of sockets connect, stay for a while, leave the namespace, and are closed.
    private static void leaveTheNamespace(PortfolioNamespace namespace, String user, Duration stay) throws Exception {
        List<RawSocketClient> clients = new ArrayList<>();
        int perUser = CDI.current().select(BridgeConfig.class).get().limits().socketsPerUser();
        for (int i = 0; i < perUser; i++) {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
            assertTrue(client.connected(), user + " socket " + i + ": " + client.connectError());
            clients.add(client);
        }
        long leaveAt = System.nanoTime() + stay.toNanos();
        Await.until(user + " in the namespace for " + stay, stay.plusSeconds(5), () -> System.nanoTime() >= leaveAt);
        int held = namespace.connectedSockets();
        for (RawSocketClient client : clients) {
            client.send("41" + PortfolioNamespace.NAME + ",");
        }
        for (RawSocketClient client : clients) {
            // RawSocketClient.WAIT (10 s) covers the 5 s timeout.
            client.expectControl("closed");
        }
        assertTrue(held >= clients.size(), "the sockets stayed in the namespace until they left: " + held);
    }

    private static void awaitBaseline(String phase, String[] names, IntSupplier[] counts, int[] baseline)
            throws Exception {
        for (int i = 0; i < counts.length; i++) {
            int index = i;
            Await.until(phase + ": " + names[i] + " back to " + baseline[i] + " (" + describe(names, counts) + ")",
                    Duration.ofSeconds(30), () -> counts[index].getAsInt() <= baseline[index]);
        }
        LOG.info(() -> phase + ": back to baseline " + describe(names, counts));
    }

    private static String describe(String[] names, IntSupplier[] counts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < names.length; i++) {
            text.append(names[i]).append('=').append(counts[i].getAsInt()).append(' ');
        }
        return text.toString().trim();
    }

    private static List<RawSocketClient> connectMany(String kind) throws Exception {
        List<RawSocketClient> clients = new ArrayList<>();
        for (int i = 0; i < PER_KIND; i++) {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(kind + "-" + i));
            client.emitWithAck("join-conversation", kind + "-room-" + (i % 50));
            client.emitWithAck("join-conversation", "all-" + kind);
            clients.add(client);
        }
        return clients;
    }
}

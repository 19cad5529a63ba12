package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Heap;
import com.portfolio.bridge.it.support.Ports;
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

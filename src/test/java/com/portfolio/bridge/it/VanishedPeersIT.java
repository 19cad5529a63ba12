package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deliver;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.EngineSids;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.it.support.VanishingRelay;
import com.portfolio.bridge.it.support.WriteThreads;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: real socket.io-client sockets (WebSocket, then long-polling) whose network vanishes
 * while their room is busy are cut and their sockets released, and the room's live clients get
 * every event in order. They reach the server through a {@link VanishingRelay} that, on vanishing,
 * stops reading and writing and closes nothing: no FIN, no RST, no data ever again, the server's
 * writes fill the kernel buffers and stall. No privileges needed.
 */
@ExtendWith(ArquillianExtension.class)
class VanishedPeersIT {

    private static final int VANISHING = 10;
    private static final String CHUNK = "x".repeat(64 * 1024);
    // Cut by the send deadline (2 s in tests) or the heartbeat (2 + 2 s); released after Liberty's
    // 30 s wait for an answer to its close frame.
    private static final Duration CUT_WITHIN = Duration.ofSeconds(10);
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(45);

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge().addClasses(VanishingRelay.class, WriteThreads.class);
    }

    @Test
    void webSocketClientsWhoseNetworkVanishesAreCutAndReleasedWhileTheirRoomDeliversOn() throws Exception {
        vanish("websocket");
    }

    @Test
    void pollingClientsWhoseNetworkVanishesAreCutAndReleasedWhileTheirRoomDeliversOn() throws Exception {
        vanish("polling");
    }

    private void vanish(String transport) throws Exception {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        String room = RawSocketClient.unique("vanish");
        List<RawSocketClient> live = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(room + "-live-" + i));
            assertTrue(client.emitWithAck("join-conversation", room).getJSONObject(0).getBoolean("ok"));
            live.add(client);
        }
        List<String> users = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < VANISHING; i++) {
            users.add(room + "-phone-" + i);
            tokens.add(TestTokens.valid(users.get(i)));
        }
        File jsDir = new File(System.getenv("IT_JS_DIR"));
        try (VanishingRelay relay = VanishingRelay.start(jsDir, Ports.http(), executor)) {
            // Counted with the relay's pipes in: its sockets are its own process's, not the server's.
            // And with the test's own HTTP clients (/metrics, the API) made and connected.
            Presence.conversationSockets(room);
            Deliver.tally(EventKind.NOTIFICATION);
            long descriptorsBefore = WriteThreads.openDescriptors();
            ProcessBuilder builder = new ProcessBuilder("node", "vanishing-clients.mjs").directory(jsDir)
                    .redirectErrorStream(true);
            builder.environment().put("BRIDGE_URL", "http://127.0.0.1:" + relay.port());
            builder.environment().put("CONVERSATION", room);
            builder.environment().put("TOKENS", String.join(",", tokens));
            builder.environment().put("TRANSPORT", transport);
            Process phones = builder.start();
            List<String> engineIds = new ArrayList<>();
            try {
                BufferedReader out = new BufferedReader(new InputStreamReader(phones.getInputStream(), StandardCharsets.UTF_8));
                CompletableFuture.runAsync(() -> readJoined(out, engineIds), executor).get(30, TimeUnit.SECONDS);
                assertEquals(2 + VANISHING, Presence.conversationSockets(room));

                int frozen = relay.vanish();
                assertTrue(frozen >= VANISHING, "every phone is behind the relay, which froze only " + frozen + " connections");
                phones.destroyForcibly().waitFor(10, TimeUnit.SECONDS); // its FINs stop at the relay now
                int chunks = (int) ((WriteThreads.kernelBufferBytes() + relayTakesIn()) / CHUNK.length()) + 1;
                Deliver.Tally owed = Deliver.tally(EventKind.NOTIFICATION);
                executor.submit(() -> {
                    for (int n = 0; n < chunks; n++) {
                        for (String user : users) {
                            Deliver.notification(user, "{\"pad\":\"" + CHUNK + "\"}");
                        }
                        Deliver.message(room, "{\"seq\":" + n + "}");
                    }
                }).get(60, TimeUnit.SECONDS);
                for (RawSocketClient client : live) {
                    for (int n = 0; n < chunks; n++) {
                        assertEquals(n, ((JSONObject) client.nextEvent().argument()).getInt("seq"));
                    }
                }
                // Delivery runs on the keys' lanes: the cut's bound counts from the last event handed to a socket.
                owed.frames(chunks * users.size());
                for (String id : engineIds) {
                    Await.until("vanished connection " + id + " is gone", CUT_WITHIN, () -> EngineSids.unknown(id));
                }
                assertEquals(2, Presence.conversationSockets(room));
                // Up to 1 s for the thread finishing the answer to the GET just made; a shared thread
                // stalled in a vanished peer's write would stay for good.
                WriteThreads.awaitNoSharedThreadsInWrites("no shared thread in a write", Duration.ofSeconds(1));
                WriteThreads.awaitNoneInWrites("no thread waits on a WebSocket write", RELEASED_WITHIN);
                Await.until("the vanished sockets are released", RELEASED_WITHIN,
                        () -> WriteThreads.openDescriptors() <= descriptorsBefore + 10);
            } finally {
                phones.destroyForcibly();
                live.forEach(RawSocketClient::abort);
            }
        } // only now does the relay die and close its sockets
    }

    // Besides the server's send buffer, what a relay that stopped reading still takes in before the
    // server's writes stall: its receive buffer, which stays at tcp_rmem's default as it grows only
    // while read (64-96 KB were seen queued), and Node's read-ahead (a high-water mark, one 64 KB read).
    private static long relayTakesIn() {
        return WriteThreads.defaultReceiveBufferBytes() + 128 * 1024;
    }

    private static void readJoined(BufferedReader out, List<String> engineIds) {
        try {
            while (engineIds.size() < VANISHING) {
                String line = out.readLine();
                if (line == null) {
                    throw new IllegalStateException("the clients exited after " + engineIds.size() + " joined");
                }
                JSONObject joined = new JSONObject(line);
                if (!joined.optBoolean("joined")) {
                    throw new IllegalStateException("a client did not join: " + line);
                }
                engineIds.add(joined.getString("engineId"));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deliver;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.EngineSids;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Scrape;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.StalledReader;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.it.support.WriteThreads;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: clients that stop reading, many at once and group after group, each sent more
 * than the kernels' socket buffers hold, never delay or starve the live clients of their rooms,
 * are cut, and leave no thread waiting on a write and no descriptor behind.
 * The test server runs with write-stall-ms 2000 and max-outbound-bytes 2 MiB (server.env).
 */
@ExtendWith(ArquillianExtension.class)
class StalledReadersIT {

    private static final String CHUNK = "x".repeat(64 * 1024);
    private static final long STALL_MS = 2_000;
    private static final long MAX_OUTBOUND = 2L * 1024 * 1024;
    // The README's bounds: cut (out of its rooms, its queue dropped) within write-stall-ms + 3 s;
    // its socket released within 30 s more (Liberty waits that long for the answer to its close
    // frame, as Node's ws does), plus 5 s of slack here.
    private static final Duration CUT_WITHIN = Duration.ofMillis(STALL_MS + 3_000);
    private static final Duration RELEASED_WITHIN = Duration.ofMillis(STALL_MS + 3_000 + 35_000);
    // How often a wait asks the server (a /metrics scrape, a request per connection): asked back to
    // back, the questions compete for the two cores with the server that must cut the clients in time.
    private static final Duration ASK_EVERY = Duration.ofMillis(100);

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge().addClasses(StalledReader.class, WriteThreads.class);
    }

    @Test
    void fortyStalledReadersAtOnceCostTheirRoomsNothing() throws Exception {
        // Past the kernels' buffers and past the outbound cap: the cap cuts them.
        runGroups(1, 10, 4, WriteThreads.kernelBufferBytes() + MAX_OUTBOUND + 4 * CHUNK.length(), false);
    }

    @Test
    void successiveGroupsOfStalledReadersNeverAddUp() throws Exception {
        // Past the kernels' buffers but under the outbound cap: the send deadline cuts them.
        runGroups(4, 1, 5, WriteThreads.kernelBufferBytes() + CHUNK.length(), true);
    }

    /** @param closeAfterCut the stalled clients close their end once cut; else they hold it open throughout */
    private void runGroups(int groups, int conversations, int stalledPerConversation, long bytesEach,
            boolean closeAfterCut) throws Exception {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        long descriptorsBefore = WriteThreads.openDescriptors();
        List<StalledReader> held = new ArrayList<>();
        for (int group = 0; group < groups; group++) {
            List<String> rooms = new ArrayList<>();
            List<RawSocketClient> live = new ArrayList<>();
            List<StalledReader> stalled = new ArrayList<>();
            List<String> stalledUsers = new ArrayList<>();
            List<Callable<StalledReader>> readers = new ArrayList<>();
            for (int c = 0; c < conversations; c++) {
                String room = RawSocketClient.unique("stall");
                rooms.add(room);
                for (int i = 0; i < 2; i++) {
                    RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(room + "-live-" + i));
                    assertTrue(client.emitWithAck("join-conversation", room).getJSONObject(0).getBoolean("ok"));
                    live.add(client);
                }
                for (int i = 0; i < stalledPerConversation; i++) {
                    String user = room + "-stalled-" + i;
                    readers.add(() -> StalledReader.joined(Ports.http(), TestTokens.valid(user), room));
                    stalledUsers.add(user);
                }
            }
            // Eight at a time, last. Each keeps its session alive with pongs until it is cut, so
            // however long a busy machine takes to connect them and owe each more than the kernels
            // hold, the heartbeat cannot end one first: only the write path can. Each connect and
            // read has its own timeout (StalledReader). Plain threads: forty blocked on Liberty's
            // pool would hold the threads their upgrades need.
            ExecutorService connecting = Executors.newFixedThreadPool(8);
            try {
                for (Future<StalledReader> reader : connecting.invokeAll(readers)) {
                    stalled.add(reader.get());
                }
            } finally {
                connecting.shutdownNow();
            }
            Scrape scrapedBefore = Scrape.of(Ports.http());
            int chunks = (int) (bytesEach / CHUNK.length()) + 1;
            Deliver.Tally owed = Deliver.tally(EventKind.NOTIFICATION);
            // Each stalled user gets its bulk on its own room while the conversations carry a
            // numbered message after every chunk; the live clients must see all, in order.
            executor.submit(() -> {
                for (int n = 0; n < chunks; n++) {
                    for (String user : stalledUsers) {
                        Deliver.notification(user, "{\"pad\":\"" + CHUNK + "\"}");
                    }
                    for (String room : rooms) {
                        Deliver.message(room, "{\"seq\":" + n + "}");
                    }
                }
            }).get(60, TimeUnit.SECONDS);
            for (int c = 0; c < conversations; c++) {
                for (RawSocketClient client : live.subList(2 * c, 2 * c + 2)) {
                    for (int n = 0; n < chunks; n++) {
                        assertEquals(n, ((JSONObject) client.nextEvent().argument()).getInt("seq"),
                                "group " + group + ": live client in " + rooms.get(c));
                    }
                }
            }
            // Delivery runs on the keys' lanes: the cut's bound counts from the last event handed to a socket.
            owed.frames(chunks * stalledUsers.size());
            long cutBefore = Math.round(scrapedBefore.value("portfolio_stalled_clients_cut_total", "transport", "websocket"));
            Await.until("every stalled reader of group " + group + " is cut", CUT_WITHIN, ASK_EVERY,
                    () -> Scrape.stalledCut(Ports.http(), "websocket") - cutBefore >= stalled.size());
            for (StalledReader reader : stalled) {
                Await.until("connection " + reader.engineId() + " is gone", CUT_WITHIN, ASK_EVERY,
                        () -> EngineSids.unknown(reader.engineId()));
                reader.stopPongs();
            }
            assertEquals(stalled.size(), Scrape.stalledCut(Ports.http(), "websocket") - cutBefore, "/metrics counts each cut once");
            // No thread but the closers' (whose waits in Liberty's close are bounded) stays in a write.
            // Up to 1 s for one that is finishing (the /metrics answer just scraped was caught in
            // synchWrite once); a stalled one would stay for good, the deadline being 2 s.
            WriteThreads.awaitNoSharedThreadsInWrites("no shared thread in a write", Duration.ofSeconds(1));
            // The rooms still deliver, to the live clients only.
            Deliver.Tally tally = Deliver.tally(EventKind.MESSAGE);
            for (String room : rooms) {
                Deliver.message(room, "{\"seq\":-1}");
            }
            assertEquals(2 * rooms.size(), tally.frames(rooms.size()));
            for (RawSocketClient client : live) {
                assertEquals(-1, ((JSONObject) client.nextEvent().argument()).getInt("seq"));
            }
            live.forEach(RawSocketClient::abort);
            if (closeAfterCut) {
                for (StalledReader reader : stalled) {
                    reader.close();
                }
            } else {
                held.addAll(stalled);
            }
        }
        // The server's ends are released although the held clients never read nor close.
        Await.until("the server released its ends of the stalled sockets", RELEASED_WITHIN,
                () -> WriteThreads.openDescriptors() <= descriptorsBefore + held.size() + 5);
        WriteThreads.awaitNoneInWrites("no thread at all waits on a WebSocket write", RELEASED_WITHIN);
        for (StalledReader reader : held) {
            reader.close();
        }
        Await.until("descriptors are back to where they were", RELEASED_WITHIN,
                () -> WriteThreads.openDescriptors() <= descriptorsBefore + 5);
    }
}

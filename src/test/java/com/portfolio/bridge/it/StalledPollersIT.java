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
import com.portfolio.bridge.it.support.StalledPoller;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.it.support.WriteThreads;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: long-polling clients that stop reading with a poll open, each owed more than
 * the kernels' socket buffers hold, group after group, never delay the live clients of their
 * rooms, are cut within the write deadline and leave no thread in a write and no descriptor.
 * Each group is larger than the number of answers that wedged Liberty's shared executor before
 * poll answers had a deadline; the test server's write-stall-ms is 2000 (server.env).
 */
@ExtendWith(ArquillianExtension.class)
class StalledPollersIT {

    private static final String CHUNK = "x".repeat(64 * 1024);
    private static final int GROUPS = 2;
    private static final int ROOMS = 4;
    private static final int STALLED_PER_ROOM = 6;
    private static final int SEQ = 20;
    private static final long STALL_MS = 2_000;
    // The README's bound: Liberty's write timeout fires about a second late; 2 s of slack here.
    private static final Duration CUT_WITHIN = Duration.ofMillis(STALL_MS + 3_000);
    private static final Duration RELEASED_WITHIN = Duration.ofSeconds(40);
    // How often a wait asks the server (a /metrics scrape, a request per poller): asked back to back,
    // the questions compete for the two cores with the server that must cut the pollers in time.
    private static final Duration ASK_EVERY = Duration.ofMillis(100);

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge().addClasses(StalledPoller.class, WriteThreads.class);
    }

    @Test
    void groupsOfStalledPollersAreCutAndCostTheirRoomsNothing() throws Exception {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        long descriptorsBefore = WriteThreads.openDescriptors();
        List<StalledPoller> held = new ArrayList<>();
        for (int group = 0; group < GROUPS; group++) {
            List<String> rooms = new ArrayList<>();
            List<RawSocketClient> live = new ArrayList<>();
            List<StalledPoller> stalled = new ArrayList<>();
            List<String> stalledUsers = new ArrayList<>();
            for (int r = 0; r < ROOMS; r++) {
                String room = RawSocketClient.unique("pollstall");
                rooms.add(room);
                for (int i = 0; i < 2; i++) {
                    RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid(room + "-live-" + i));
                    assertTrue(client.emitWithAck("join-conversation", room).getJSONObject(0).getBoolean("ok"));
                    live.add(client);
                }
                for (int i = 0; i < STALLED_PER_ROOM; i++) {
                    String user = room + "-stalled-" + i;
                    stalled.add(StalledPoller.joined(Ports.http(), TestTokens.valid(user), room));
                    stalledUsers.add(user);
                }
            }
            // Each stalled user is owed more than the kernels hold before its last poll comes.
            int chunks = (int) ((WriteThreads.kernelBufferBytes() + 2L * CHUNK.length()) / CHUNK.length()) + 1;
            Deliver.Tally owed = Deliver.tally(EventKind.NOTIFICATION);
            for (int n = 0; n < chunks; n++) {
                for (String user : stalledUsers) {
                    Deliver.notification(user, "{\"pad\":\"" + CHUNK + "\"}");
                }
            }
            assertEquals(chunks * stalledUsers.size(), owed.frames(chunks * stalledUsers.size()), "all owed before the polls stall");
            Scrape scrapedBefore = Scrape.of(Ports.http());
            long stalledAt = System.nanoTime();
            for (StalledPoller poller : stalled) {
                poller.stall();
            }
            // Each answer is stuck in a write until its deadline cuts it: on a busy machine the first
            // are cut before the last is stuck, so a poller counts once it is stuck or cut. The cut
            // is counted after its write is left, so asking /metrics first never counts one twice.
            // By CUT_WITHIN every one is cut (asserted below), so that is as long as this can take.
            Await.until("group " + group + ": every stalled poll's answer is stuck in a write, or cut already",
                    CUT_WITHIN.minusNanos(System.nanoTime() - stalledAt), ASK_EVERY, () -> {
                        long cut = Math.round(Scrape.now().value("portfolio_stalled_clients_cut_total", "transport", "polling")
                                - scrapedBefore.value("portfolio_stalled_clients_cut_total", "transport", "polling"));
                        return cut + WriteThreads.blockedInWrites().size() >= stalled.size();
                    });
            // While those answers are stuck, the rooms (which the stalled users are in) carry
            // numbered messages: the live clients get every one, in order.
            Future<?> publishing = executor.submit(() -> {
                for (int n = 0; n < SEQ; n++) {
                    for (String room : rooms) {
                        Deliver.message(room, "{\"seq\":" + n + "}");
                    }
                }
            });
            for (RawSocketClient client : live) {
                for (int n = 0; n < SEQ; n++) {
                    assertEquals(n, seq(client), "group " + group);
                }
            }
            publishing.get(10, TimeUnit.SECONDS);
            Duration left = CUT_WITHIN.minusNanos(System.nanoTime() - stalledAt);
            try {
                Await.until("every stalled poller of group " + group + " is cut", left, ASK_EVERY,
                        () -> stalled.stream().allMatch(p -> EngineSids.unknown(p.engineId())));
            } catch (TimeoutException e) {
                throw new AssertionError("not cut within " + CUT_WITHIN + ": " + stalled.stream()
                        .map(StalledPoller::engineId).filter(id -> !EngineSids.unknown(id)).toList(), e);
            }
            assertEquals(stalled.size(), Math.round(Scrape.of(Ports.http()).value("portfolio_stalled_clients_cut_total", "transport", "polling")
                    - scrapedBefore.value("portfolio_stalled_clients_cut_total", "transport", "polling")), "and in /metrics, as polling");
            // Up to 1 s for the thread finishing the /metrics answer just scraped (caught in synchWrite
            // once); a shared thread stalled in a poller's write would stay for good.
            WriteThreads.awaitNoSharedThreadsInWrites("no shared thread in a write", Duration.ofSeconds(1));
            // The rooms and the stalled users' own rooms now reach the live clients only.
            Deliver.Tally messages = Deliver.tally(EventKind.MESSAGE);
            for (String room : rooms) {
                Deliver.message(room, "{\"seq\":-1}");
            }
            assertEquals(2 * rooms.size(), messages.frames(rooms.size()));
            Deliver.Tally notifications = Deliver.tally(EventKind.NOTIFICATION);
            for (String user : stalledUsers) {
                Deliver.notification(user, "{}");
            }
            assertEquals(0, notifications.frames(stalledUsers.size()), "no stalled user has a socket left");
            for (RawSocketClient client : live) {
                assertEquals(-1, seq(client));
            }
            live.forEach(RawSocketClient::abort);
            if (group % 2 == 0) {
                held.addAll(stalled); // these never read nor close
            } else {
                for (StalledPoller poller : stalled) {
                    poller.close();
                }
            }
        }
        WriteThreads.awaitNoneInWrites("no thread at all is left in a write", RELEASED_WITHIN);
        Await.until("the server released its ends of the stalled polls", RELEASED_WITHIN,
                () -> WriteThreads.openDescriptors() <= descriptorsBefore + held.size() + 5);
        for (StalledPoller poller : held) {
            poller.close();
        }
        Await.until("descriptors are back to where they were", RELEASED_WITHIN,
                () -> WriteThreads.openDescriptors() <= descriptorsBefore + 5);
    }

    /** The next event's seq; if none comes, what the client heard instead (a close, a DISCONNECT). */
    private static int seq(RawSocketClient client) throws Exception {
        try {
            return ((JSONObject) client.nextEvent().argument()).getInt("seq");
        } catch (TimeoutException e) {
            throw new AssertionError("live client " + client.socketId() + ": " + e.getMessage() + "; heard instead: "
                    + client.peekControl(), e);
        }
    }
}

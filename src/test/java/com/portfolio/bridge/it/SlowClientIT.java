package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deliver;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.Scrape;
import com.portfolio.bridge.it.support.TestTokens;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the server: a client that stops reading is cut off and never delays the rest of its room. */
@ExtendWith(ArquillianExtension.class)
class SlowClientIT {

    private static final int EVENTS = 400;
    private static final int BATCH = 10;
    private static final String PADDING = "x".repeat(32 * 1024);

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void aClientThatStopsReadingIsCutWhileTheOthersReceiveEverything() throws Exception {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        String conversation = RawSocketClient.unique("busy");

        RawSocketClient stuck = RawSocketClient.connect(Ports.http(), TestTokens.valid("stuck"));
        assertTrue(stuck.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
        stuck.stall();
        List<RawSocketClient> live = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RawSocketClient client = RawSocketClient.connect(Ports.http(), TestTokens.valid("live-" + i));
            assertTrue(client.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
            live.add(client);
        }
        long cutBefore = Scrape.stalledCut(Ports.http(), "websocket");

        // ~13 MB to the room in batches the live clients keep up with: far past the stuck
        // client's 1 MiB buffer plus both TCP buffers. A blocking write would stall a batch.
        for (int batch = 0; batch < EVENTS; batch += BATCH) {
            int first = batch;
            Future<?> publishing = executor.submit(() -> {
                for (int i = first; i < first + BATCH; i++) {
                    Deliver.message(conversation, "{\"seq\":" + i + ",\"pad\":\"" + PADDING + "\"}");
                }
            });
            publishing.get(10, TimeUnit.SECONDS);
            for (RawSocketClient client : live) {
                for (int i = first; i < first + BATCH; i++) {
                    assertEquals(i, ((JSONObject) client.nextEvent().argument()).getInt("seq"));
                }
            }
        }
        Await.until("the stuck client is cut", () -> Scrape.stalledCut(Ports.http(), "websocket") > cutBefore);
        Await.until("its socket has left its rooms", () -> Presence.userSockets("stuck") == 0);
        assertEquals(List.of("live-0", "live-1", "live-2"), Presence.conversationUsers(conversation));
        assertEquals(3, Presence.conversationSockets(conversation));
        stuck.abort();
        live.forEach(RawSocketClient::close);
    }
}

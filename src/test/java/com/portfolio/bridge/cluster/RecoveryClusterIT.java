package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.RawSocketClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Recovery on another node: the official client on node 1, node 1 killed with {@code kill -9},
 * events published meanwhile, the client moved to node 2 — it comes back recovered, in its
 * rooms (one joined just before the kill too), with every missed event once and in order, then
 * live ones. socket.io's own recovery
 * cannot do this (its sessions live in one process).
 */
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class RecoveryClusterIT extends TwoNodeTest {

    RecoveryClusterIT() {
        super("recovery", 61720, 9310);
    }

    /** Room changes batched for 3 s: only a join that waits for its announcement survives the kill. */
    @Override
    Map<String, String> extraEnv() {
        return Map.of("PORTFOLIO_PRESENCE_FLUSH_MS", "3000");
    }

    @Test
    void aClientOfAKilledNodeRecoversOnTheOtherWithEveryMissedEventOnceInOrder() throws Exception {
        String user = RawSocketClient.unique("mobile");
        String conversation = RawSocketClient.unique("conv");
        try (ScriptClient client = ScriptClient.start("failover-client.mjs", cluster,
                Map.of("USER_ID", user, "CONVERSATION_ID", conversation))) {
            assertEquals(new JSONObject().put("connect", true).put("recovered", false).toString(), client.next(20).toString());
            client.send("join");
            assertTrue(client.next(20).getJSONObject("joined").getBoolean("ok"));
            producer.text(JavaProducer.MESSAGES, message(conversation, 0), Map.of());
            assertEquals(0, client.next(20).getJSONObject("message").getInt("seq"));

            // A join acknowledged just before the node dies is in the session another node restores.
            client.send("join-late");
            assertTrue(client.next(20).getJSONObject("joined").getBoolean("ok"));
            cluster.node(1).kill();
            assertTrue(client.next(20).has("disconnect"));
            producer.text(JavaProducer.MESSAGES, "{\"_id\":\"late\",\"conversationId\":\"" + conversation + "-late\",\"seq\":-1}", Map.of());
            for (int seq = 1; seq <= 5; seq++) {
                producer.text(JavaProducer.MESSAGES, message(conversation, seq), Map.of());
            }
            producer.text(JavaProducer.NOTIFICATIONS, "{\"_id\":\"n1\",\"userId\":\"" + user + "\"}", Map.of());
            // Node 2 has consumed them when it delivers them to a client of its own.
            try (RawSocketClient witness = nodes.client(2, RawSocketClient.unique("witness"))) {
                TwoNodes.join(witness, conversation);
                producer.text(JavaProducer.MESSAGES, "{\"_id\":\"barrier\",\"conversationId\":\"" + conversation + "\",\"seq\":99}", Map.of());
                TwoNodes.expect(witness, "message:new", "barrier");
            }

            client.send("reconnect");
            assertEquals(new JSONObject().put("connect", true).put("recovered", true).toString(), client.next(20).toString());
            List<Integer> replayed = new ArrayList<>();
            boolean notified = false;
            boolean late = false;
            List<JSONObject> heard = new ArrayList<>();
            while (replayed.size() < 6 || !notified || !late) {
                JSONObject line = client.poll(20_000);
                assertNotNull(line, "restored, then nothing more for 20 s after: " + heard);
                heard.add(line);
                if (line.has("message") && line.getJSONObject("message").getInt("seq") == -1) {
                    late = true;
                } else if (line.has("message")) {
                    replayed.add(line.getJSONObject("message").getInt("seq"));
                } else if (line.has("notification")) {
                    notified = true;
                }
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 99), replayed, "every missed message, once, in order");

            producer.text(JavaProducer.MESSAGES, message(conversation, 6), Map.of());
            JSONObject live = client.next(20);
            assertEquals(6, live.getJSONObject("message").getInt("seq"), "live events follow: " + live);
            assertEquals(null, client.poll(1_000), "nothing twice");
            client.send("quit");
        }
    }

    private static String message(String conversation, int seq) {
        return "{\"_id\":\"m" + seq + "\",\"conversationId\":\"" + conversation + "\",\"seq\":" + seq + "}";
    }
}

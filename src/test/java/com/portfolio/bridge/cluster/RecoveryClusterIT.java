package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.RawSocketClient;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
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
        Process client = client(user, conversation);
        BlockingQueue<JSONObject> said = lines(client);
        try (Writer steer = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.UTF_8)) {
            assertEquals(new JSONObject().put("connect", true).put("recovered", false).toString(), next(said).toString());
            send(steer, "join");
            assertTrue(next(said).getJSONObject("joined").getBoolean("ok"));
            producer.text(JavaProducer.MESSAGES, message(conversation, 0), Map.of());
            assertEquals(0, next(said).getJSONObject("message").getInt("seq"));

            // A join acknowledged just before the node dies is in the session another node restores.
            send(steer, "join-late");
            assertTrue(next(said).getJSONObject("joined").getBoolean("ok"));
            cluster.node(1).kill();
            assertTrue(next(said).has("disconnect"));
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

            send(steer, "reconnect");
            assertEquals(new JSONObject().put("connect", true).put("recovered", true).toString(), next(said).toString());
            List<Integer> replayed = new ArrayList<>();
            boolean notified = false;
            boolean late = false;
            while (replayed.size() < 6 || !notified || !late) {
                JSONObject line = next(said);
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
            JSONObject live = next(said);
            assertEquals(6, live.getJSONObject("message").getInt("seq"), "live events follow: " + live);
            assertEquals(null, said.poll(1, TimeUnit.SECONDS), "nothing twice");
            send(steer, "quit");
        } finally {
            client.destroyForcibly();
        }
    }

    private static String message(String conversation, int seq) {
        return "{\"_id\":\"m" + seq + "\",\"conversationId\":\"" + conversation + "\",\"seq\":" + seq + "}";
    }

    private Process client(String user, String conversation) throws Exception {
        ProcessBuilder node = new ProcessBuilder("node", "failover-client.mjs")
                .directory(new File(System.getProperty("it.js.dir")))
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        Map<String, String> env = node.environment();
        env.put("NODE1_URL", "http://127.0.0.1:" + cluster.node(1).httpPort());
        env.put("NODE2_URL", "http://127.0.0.1:" + cluster.node(2).httpPort());
        env.put("USER_ID", user);
        env.put("CONVERSATION_ID", conversation);
        env.put("JWT_PRIVATE_KEY_FILE", Path.of(System.getProperty("it.keys.dir"), "private.pem").toString());
        env.put("JWT_ISSUER", System.getProperty("it.jwt.issuer"));
        env.put("JWT_AUDIENCE", System.getProperty("it.jwt.audience"));
        return node.start();
    }

    private static BlockingQueue<JSONObject> lines(Process client) {
        BlockingQueue<JSONObject> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(new JSONObject(line));
                }
            } catch (java.io.IOException e) {
                lines.add(new JSONObject().put("readerFailed", e.getMessage()));
            }
        }, "failover-client-reader");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    private static JSONObject next(BlockingQueue<JSONObject> said) throws InterruptedException {
        JSONObject line = said.poll(20, TimeUnit.SECONDS);
        assertNotNull(line, "the client said nothing for 20 s");
        return line;
    }

    private static void send(Writer steer, String command) throws java.io.IOException {
        steer.write(command + "\n");
        steer.flush();
    }
}

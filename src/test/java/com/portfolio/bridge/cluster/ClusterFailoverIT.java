package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.Sequences;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Two nodes on a real broker through failures: a node that was down gets what it missed, a
 * broker restart heals without touching Liberty (node 1 stays ready through it, the default; node
 * 2, set not to, leaves and comes back), and a second node started with an id already in use
 * refuses to start.
 */
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class ClusterFailoverIT extends TwoNodeTest {

    private static final Duration RECOVERY = Duration.ofSeconds(90);

    ClusterFailoverIT() {
        super("failover", 61718, 9290);
    }

    @Override
    Map<String, String> node2Env() {
        return Map.of("PORTFOLIO_HEALTH_READY_DURING_BUS_OUTAGE", "false");
    }

    @Test
    @Order(1)
    void aStoppedNodeReceivesWhatWasPublishedWhileItWasDown() throws Exception {
        String alice = RawSocketClient.unique("alice");
        int backlog = 20;
        try (RawSocketClient alice1 = client(1, alice)) {
            cluster.node(2).stop();
            for (int seq = 1; seq <= backlog; seq++) {
                producer.text(JavaProducer.NOTIFICATIONS, Sequences.document("userId", alice, seq), Map.of());
            }
            Sequences.assertInOrder(alice1, "notification:new", "userId", backlog);

            cluster.node(2).start();
            // A fresh run counts from zero: all it consumed is the backlog its subscription kept.
            Await.until("node 2 consumed its backlog", RECOVERY, () -> cluster.node(2).consumedNotifications() >= backlog);
            assertEquals(backlog, cluster.node(2).consumedNotifications());

            try (RawSocketClient alice2 = client(2, alice)) {
                producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(alice, "after-restart"), Map.of());
                TwoNodes.expect(alice2, "notification:new", "after-restart");
                TwoNodes.expect(alice1, "notification:new", "after-restart");
                assertEquals(backlog + 1, cluster.node(2).consumedNotifications());
            }
        }
    }

    @Test
    @Order(2)
    void aBrokerRestartHealsWithoutRestartingLiberty() throws Exception {
        String bob = RawSocketClient.unique("bob");
        try (RawSocketClient bob1 = client(1, bob); RawSocketClient bob2 = client(2, bob)) {
            cluster.broker().stop();
            LibertyNode node1 = cluster.node(1);
            LibertyNode node2 = cluster.node(2);
            Await.until(node1.name() + " sees the bus gone", RECOVERY, () -> !node1.busData().getBoolean("connected"));
            assertEquals("UP", node1.readinessStatus(), "a node that had reached the bus stays ready by default");
            Await.until(node2.name() + " (ready-during-bus-outage=false) not ready while the broker is down", RECOVERY,
                    () -> "DOWN".equals(node2.readinessStatus()));
            assertFalse(node2.busData().getBoolean("connected"));
            cluster.broker().start();
            Await.until(node1.name() + " sees the bus back", RECOVERY, () -> node1.busData().getBoolean("connected"));
            node2.awaitReady(RECOVERY);
            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(bob, "after-broker"), Map.of());
            TwoNodes.expect(bob1, "notification:new", "after-broker");
            TwoNodes.expect(bob2, "notification:new", "after-broker");
        }
    }

    @Test
    @Order(3)
    void aSecondNodeWithAnIdInUseFailsLoudlyAtStart() throws Exception {
        // Stopped with the cluster's nodes, at once, after the last test.
        LibertyNode duplicate = cluster.extraNode("failover-duplicate", 9299, "node-1");
        String carol = RawSocketClient.unique("carol");
        try (RawSocketClient carol1 = client(1, carol)) {
            duplicate.startServer();
            Await.until("the duplicate says why it stops", RECOVERY,
                    () -> duplicate.messagesLogSoFar().contains("duplicate node id 'node-1'"));
            // CWWKZ0002E: Liberty could not start the application.
            Await.until("the duplicate's application fails to start", RECOVERY,
                    () -> duplicate.messagesLogSoFar().contains("CWWKZ0002E"));
            assertNotEquals("UP", duplicate.readinessStatus());

            // The node that holds the id keeps its subscriptions: it still gets each event once.
            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(carol, "c1"), Map.of());
            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(carol, "c2"), Map.of());
            TwoNodes.expect(carol1, "notification:new", "c1");
            TwoNodes.expect(carol1, "notification:new", "c2");
            assertEquals("UP", cluster.node(1).readinessStatus());
        }
    }
}

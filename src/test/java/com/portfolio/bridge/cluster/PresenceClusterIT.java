package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.ApiClient;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import jakarta.jms.JMSConsumer;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;
import org.json.JSONObject;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Presence on two nodes of a real broker: each node answers for the other's sockets from the
 * announcements it keeps; one event per transition cluster-wide; a node killed with
 * {@code kill -9} drops out within the documented bound (node timeout + one heartbeat) and its
 * users go offline once, after the grace — but not those still connected to the other node.
 */
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class PresenceClusterIT extends TwoNodeTest {

    /** What the README promises for a dead node, plus the bus's and a tick's delay. */
    private static final Duration DEAD_NODE_BOUND = Duration.ofMillis(
            ClusterEnv.PRESENCE_NODE_TIMEOUT_MS + ClusterEnv.PRESENCE_HEARTBEAT_MS + 1_000);
    private static final long QUIET_MS = ClusterEnv.PRESENCE_GRACE_MS + 2_000;

    PresenceClusterIT() {
        super("presence", 61719, 9300);
    }

    private JSONObject user(int node, String userId) {
        return ApiClient.get(cluster.node(node).httpPort(), "/users/" + userId);
    }

    /**
     * Both nodes past their warm-up and hearing each other: what every test here assumes (an
     * event's owner is one node only once the node set is settled; README, "Presence").
     */
    @org.junit.jupiter.api.BeforeAll
    void settled() throws Exception {
        String one = RawSocketClient.unique("settle");
        String two = RawSocketClient.unique("settle");
        try (RawSocketClient onOne = client(1, one); RawSocketClient onTwo = client(2, two)) {
            Await.until("each node sees the other's sockets", Duration.ofSeconds(30),
                    () -> user(2, one).getBoolean("online") && user(1, two).getBoolean("online"));
        }
    }

    @Test
    @Order(1)
    void eachNodeSeesTheOthersSocketsAndRoomsAndTheUserGoesOnlineOnce() throws Exception {
        String alice = RawSocketClient.unique("alice");
        String conversation = RawSocketClient.unique("conv");
        try (JMSConsumer events = producer.subscribe(JavaProducer.PRESENCE, "userId = '" + alice + "'");
             RawSocketClient phone = client(1, alice); RawSocketClient laptop = client(1, alice)) {
            TwoNodes.join(laptop, conversation);
            JSONObject expected = new JSONObject().put("userId", alice).put("online", true).put("sockets", 2)
                    .put("nodes", List.of("node-1"));
            Await.until("node 2 sees alice's sockets on node 1", Duration.ofSeconds(10),
                    () -> user(2, alice).similar(expected));
            Await.until("node 2 sees alice in the room", Duration.ofSeconds(10),
                    () -> ApiClient.get(cluster.node(2).httpPort(), "/conversations/" + conversation)
                            .similar(new JSONObject().put("conversationId", conversation).put("sockets", 1).put("users", List.of(alice))));
            assertEquals("user.online", next(events, alice).getString("type"));
            assertNull(events.receive(QUIET_MS), "one user.online cluster-wide, not one per node or socket");
        }
    }

    @Test
    @Order(2)
    void aUserOnBothNodesGoingOfflineOnOneMakesNoEvent() throws Exception {
        String bob = RawSocketClient.unique("bob");
        try (JMSConsumer events = producer.subscribe(JavaProducer.PRESENCE, "userId = '" + bob + "'");
             RawSocketClient onTwo = client(2, bob)) {
            try (RawSocketClient onOne = client(1, bob)) {
                assertEquals("user.online", next(events, bob).getString("type"));
                Await.until("both nodes see both sockets", Duration.ofSeconds(10),
                        () -> user(1, bob).getInt("sockets") == 2 && user(2, bob).getInt("sockets") == 2);
            }
            Await.until("node 2 sees bob's node-1 socket gone", Duration.ofSeconds(10),
                    () -> user(2, bob).similar(new JSONObject().put("userId", bob).put("online", true).put("sockets", 1)
                            .put("nodes", List.of("node-2"))));
            assertNull(events.receive(QUIET_MS), "still online on node 2: no user.offline");
        }
    }

    @Test
    @Order(3)
    void aKilledNodesUsersGoOfflineWithinTheBoundOnceButNotTheOnesOnTheOtherNode() throws Exception {
        String carol = RawSocketClient.unique("carol");
        String dave = RawSocketClient.unique("dave");
        String selector = "userId IN ('" + carol + "', '" + dave + "')";
        try (JMSConsumer events = producer.subscribe(JavaProducer.PRESENCE, selector)) {
            RawSocketClient carolOnOne = client(1, carol);
            RawSocketClient daveOnOne = client(1, dave);
            try (RawSocketClient daveOnTwo = client(2, dave)) {
                assertEquals(2, List.of(next(events, null), next(events, null)).stream()
                        .filter(e -> e.getString("type").equals("user.online")).count());
                Await.until("node 2 sees carol and both of dave's sockets", Duration.ofSeconds(10),
                        () -> user(2, carol).getBoolean("online") && user(2, dave).getInt("sockets") == 2);

                cluster.node(1).kill();
                long killedAt = System.nanoTime();
                Await.until("node 2 sees carol offline", DEAD_NODE_BOUND.plusSeconds(5), () -> !user(2, carol).getBoolean("online"));
                Duration took = Duration.ofNanos(System.nanoTime() - killedAt);
                assertTrue(took.compareTo(DEAD_NODE_BOUND) <= 0, "carol went offline on node 2 after " + took
                        + ", over the bound of " + DEAD_NODE_BOUND);
                assertEquals(new JSONObject().put("userId", dave).put("online", true).put("sockets", 1)
                        .put("nodes", List.of("node-2")).toString(), user(2, dave).toString());

                JSONObject offline = next(events, carol);
                assertEquals("user.offline", offline.getString("type"));
                assertNull(events.receive(QUIET_MS), "exactly one user.offline for carol, and none for dave");
            } finally {
                carolOnOne.close();
                daveOnOne.close();
            }
        }
    }

    private static JSONObject next(JMSConsumer events, String userId) throws Exception {
        TextMessage message = (TextMessage) events.receive(ClusterEnv.PRESENCE_GRACE_MS + 15_000);
        assertNotNull(message, "no presence event");
        JSONObject event = new JSONObject(message.getText());
        if (userId != null) {
            assertEquals(userId, event.getString("userId"), event.toString());
        }
        return event;
    }
}

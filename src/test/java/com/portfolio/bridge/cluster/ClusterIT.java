package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.cluster.JavaProducer.DeadLetter;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.Sequences;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.json.JSONObject;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Two bridge nodes on one real Artemis broker, all on loopback: every node gets every event
 * once, from Java and AMQP producers, in order per conversation; poison is dead-lettered.
 */
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class ClusterIT extends TwoNodeTest {

    ClusterIT() {
        super("it", 61717, 9280);
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
            TwoNodes.join(carol1, conversation);
            TwoNodes.join(dave2, conversation);

            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(alice, "n1"), Map.of());
            producer.text(JavaProducer.MESSAGES, "{\"_id\":\"m1\",\"text\":\"hi\"}", Map.of("conversationId", conversation));
            // A second round: had anything been delivered twice, the copy would come before it.
            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(alice, "n2"), Map.of());
            producer.text(JavaProducer.MESSAGES, "{\"_id\":\"m2\",\"text\":\"hi\"}", Map.of("conversationId", conversation));

            for (RawSocketClient client : new RawSocketClient[] {alice1, alice2}) {
                TwoNodes.expect(client, "notification:new", "n1");
                TwoNodes.expect(client, "notification:new", "n2");
            }
            for (RawSocketClient client : new RawSocketClient[] {carol1, dave2}) {
                TwoNodes.expect(client, "message:new", "m1");
                TwoNodes.expect(client, "message:new", "m2");
            }
            assertEquals(0, bob2.pendingEvents());
        }
    }

    @Test
    @Order(2)
    void oneCommandActsOnTheUsersSocketsOnEveryNode() throws Exception {
        String erin = RawSocketClient.unique("erin");
        String conversation = RawSocketClient.unique("cmd-conv");
        try (RawSocketClient erin1 = client(1, erin); RawSocketClient erin2 = client(2, erin)) {
            producer.text(JavaProducer.COMMANDS, new JSONObject().put("op", "join").put("userId", erin)
                    .put("conversationId", conversation).toString(), Map.of());
            // The join and the messages travel on different topics: publish until it has landed on both.
            boolean joined1 = false;
            boolean joined2 = false;
            for (int attempt = 0; attempt < 50 && !(joined1 && joined2); attempt++) {
                producer.text(JavaProducer.MESSAGES, "{\"_id\":\"m" + attempt + "\"}", Map.of("conversationId", conversation));
                joined1 |= erin1.nextEventWithin(Duration.ofMillis(100)) != null;
                joined2 |= erin2.nextEventWithin(Duration.ofMillis(100)) != null;
            }
            assertTrue(joined1 && joined2, "the command joined the user's sockets on both nodes: " + joined1 + ", " + joined2);
            producer.text(JavaProducer.COMMANDS, new JSONObject().put("op", "disconnect").put("userId", erin).toString(), Map.of());
            for (RawSocketClient client : new RawSocketClient[] {erin1, erin2}) {
                assertEquals("41/portfolio,", client.expectControl("41"), "io server disconnect on both nodes");
            }
        }
    }

    @Test
    @Order(3)
    void producersInOtherLanguagesPublishOverAmqp() throws Exception {
        String user = RawSocketClient.unique("amqp");
        try (RawSocketClient user1 = client(1, user); RawSocketClient user2 = client(2, user)) {
            new AmqpProducer(nodes.cluster.broker())
                    .add(JavaProducer.NOTIFICATIONS, "string", new JSONObject(TwoNodes.notification(user, "a1")), null)
                    .add(JavaProducer.NOTIFICATIONS, "octets", new JSONObject(TwoNodes.notification(user, "a2")), null)
                    .add(JavaProducer.NOTIFICATIONS, "json-data", new JSONObject("{\"_id\":\"a3\"}"),
                            new JSONObject().put("userId", user))
                    .publish();
            for (RawSocketClient client : new RawSocketClient[] {user1, user2}) {
                TwoNodes.expect(client, "notification:new", "a1");
                TwoNodes.expect(client, "notification:new", "a2");
                TwoNodes.expect(client, "notification:new", "a3");
            }
        }
    }

    @Test
    @Order(4)
    void oneConversationsMessagesArriveInPublishOrderOnBothNodes() throws Exception {
        String first = RawSocketClient.unique("first");
        String second = RawSocketClient.unique("second");
        int perConversation = 100;
        try (RawSocketClient member1 = client(1, RawSocketClient.unique("m1"));
             RawSocketClient member2 = client(2, RawSocketClient.unique("m2"))) {
            for (RawSocketClient member : new RawSocketClient[] {member1, member2}) {
                TwoNodes.join(member, first);
                TwoNodes.join(member, second);
            }
            for (int seq = 1; seq <= perConversation; seq++) {
                for (String conversation : new String[] {first, second}) {
                    producer.text(JavaProducer.MESSAGES, Sequences.document("conversationId", conversation, seq),
                            Map.of("conversationId", conversation));
                }
            }
            for (RawSocketClient member : new RawSocketClient[] {member1, member2}) {
                Map<String, Integer> last = Sequences.assertInOrder(member, "message:new", "conversationId",
                        2 * perConversation);
                assertEquals(Map.of(first, perConversation, second, perConversation), last);
            }
        }
    }

    @Test
    @Order(5)
    void poisonEventsAreDeadLetteredWithTheirReasonAndTheConsumersStayUp() throws Exception {
        String user = RawSocketClient.unique("after-poison");
        producer.drainDeadLetters(Integer.MAX_VALUE, 500);
        try (RawSocketClient user1 = client(1, user); RawSocketClient user2 = client(2, user)) {
            producer.text(JavaProducer.NOTIFICATIONS, "not json", Map.of("userId", user));
            new AmqpProducer(nodes.cluster.broker())
                    .add(JavaProducer.NOTIFICATIONS, "map", new JSONObject().put("userId", user).put("title", "flat"), null)
                    // Without the broker plugin this one makes the broker drop every node's consumer.
                    .add(JavaProducer.NOTIFICATIONS, "map", new JSONObject().put("userId", user)
                            .put("nested", new JSONObject().put("deep", 1)), new JSONObject().put("source", "rhea"))
                    .publish();
            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(user, "good"), Map.of());

            TwoNodes.expect(user1, "notification:new", "good");
            TwoNodes.expect(user2, "notification:new", "good");
            // Each node's subscription holds its own copy of each poison event: two dead letters each.
            Map<String, List<DeadLetter>> byReason = producer.drainDeadLetters(6, 10_000).stream()
                    .collect(Collectors.groupingBy(letter -> letter.reason().replaceAll("[ (:].*", "")));
            assertEquals(Set.of("body", "unsupported", "AMQP"), byReason.keySet(), byReason.toString());
            byReason.values().forEach(letters -> assertEquals(2, letters.size(), letters.toString()));

            DeadLetter notJson = byReason.get("body").get(0);
            assertTrue(notJson.reason().startsWith("body is not valid JSON"), notJson.reason());
            assertEquals("not json", notJson.body());
            assertEquals(Set.of("node-1", "node-2"),
                    byReason.get("body").stream().map(DeadLetter::node).collect(Collectors.toSet()));
            DeadLetter flat = byReason.get("unsupported").get(0);
            assertTrue(flat.reason().startsWith("unsupported message type MapMessage"), flat.reason());
            assertEquals("flat", new JSONObject(flat.body()).getString("title"), "the map is kept");
            DeadLetter nested = byReason.get("AMQP").get(0);
            assertTrue(nested.reason().contains("cannot be delivered to JMS consumers"), nested.reason());
            assertEquals(new JSONObject().put("userId", user).put("nested", new JSONObject().put("deep", 1)).toMap(),
                    new JSONObject(nested.body()).toMap());
        }
    }
}

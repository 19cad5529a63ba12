package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.Sequences;
import com.portfolio.bridge.it.support.TestTokens;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On the embedded bus: one conversation's messages and one user's notifications reach a
 * client in publish order, while events of other keys are emitted concurrently on other lanes.
 */
@ExtendWith(ArquillianExtension.class)
class OrderingIT {

    private static final int PER_KEY = 150;

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void eachConversationsMessagesArriveInPublishOrder() throws Exception {
        List<String> conversations = List.of(RawSocketClient.unique("a"), RawSocketClient.unique("b"),
                RawSocketClient.unique("c"));
        try (RawSocketClient member = RawSocketClient.connect(Ports.http(), TestTokens.valid(RawSocketClient.unique("m")))) {
            for (String conversation : conversations) {
                assertTrue(member.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
            }
            for (int seq = 1; seq <= PER_KEY; seq++) {
                for (String conversation : conversations) {
                    BusPublisher.text(BusPublisher.MESSAGES, Sequences.document("conversationId", conversation, seq),
                            Map.of("conversationId", conversation));
                }
            }
            Map<String, Integer> last = Sequences.assertInOrder(member, "message:new", "conversationId",
                    PER_KEY * conversations.size());
            conversations.forEach(conversation -> assertEquals(PER_KEY, last.get(conversation)));
        }
    }

    @Test
    void oneUsersNotificationsArriveInPublishOrder() throws Exception {
        String alice = RawSocketClient.unique("alice");
        String bob = RawSocketClient.unique("bob");
        try (RawSocketClient aliceSocket = RawSocketClient.connect(Ports.http(), TestTokens.valid(alice));
             RawSocketClient bobSocket = RawSocketClient.connect(Ports.http(), TestTokens.valid(bob))) {
            for (int seq = 1; seq <= PER_KEY; seq++) {
                // No JMS property: the key comes from the document, as many producers send it.
                BusPublisher.text(BusPublisher.NOTIFICATIONS, Sequences.document("userId", alice, seq), Map.of());
                BusPublisher.text(BusPublisher.NOTIFICATIONS, Sequences.document("userId", bob, seq), Map.of());
            }
            assertEquals(PER_KEY, Sequences.assertInOrder(aliceSocket, "notification:new", "userId", PER_KEY).get(alice));
            assertEquals(PER_KEY, Sequences.assertInOrder(bobSocket, "notification:new", "userId", PER_KEY).get(bob));
        }
    }
}

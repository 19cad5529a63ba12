package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.bus.DeadLetters;
import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Deployments;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the server: an event that can never be delivered lands on the dead-letter queue with its reason. */
@ExtendWith(ArquillianExtension.class)
class DeadLetterIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void bodyThatIsNotJsonIsDeadLettered() throws Exception {
        Message dead = publishAndReceiveDeadLetter(BusPublisher.NOTIFICATIONS, "not json at all", Map.of("userId", "u1"));
        assertTrue(dead.getStringProperty(DeadLetters.REASON).startsWith("body is not valid JSON"));
        assertEquals("notification", dead.getStringProperty(DeadLetters.KIND));
        assertEquals("u1", dead.getStringProperty("userId"), "original properties are kept");
    }

    @Test
    void jsonArrayIsDeadLettered() throws Exception {
        Message dead = publishAndReceiveDeadLetter(BusPublisher.MESSAGES, "[1,2]", Map.of("conversationId", "c1"));
        assertEquals("body is JSON array, expected a JSON object", dead.getStringProperty(DeadLetters.REASON));
    }

    @Test
    void missingRoutingKeyIsDeadLettered() throws Exception {
        Message dead = publishAndReceiveDeadLetter(BusPublisher.MESSAGES, "{\"text\":\"hi\"}", Map.of());
        assertTrue(dead.getStringProperty(DeadLetters.REASON).startsWith("no conversationId"));
        assertEquals("message", dead.getStringProperty(DeadLetters.KIND));
    }

    @Test
    void invalidConversationIdIsDeadLettered() throws Exception {
        Message dead = publishAndReceiveDeadLetter(BusPublisher.MESSAGES, "{\"conversationId\":\"a b\"}", Map.of());
        assertTrue(dead.getStringProperty(DeadLetters.REASON).startsWith("conversationId is invalid"));
    }

    @Test
    void unsupportedMessageTypeIsDeadLettered() throws Exception {
        String marker = UUID.randomUUID().toString();
        BusPublisher.send(BusPublisher.NOTIFICATIONS, JMSContext::createMapMessage, Map.of("marker", marker));
        Message dead = receiveDeadLetter(marker);
        assertTrue(dead.getStringProperty(DeadLetters.REASON).startsWith("unsupported message type"));
    }

    private static Message publishAndReceiveDeadLetter(String destination, String body, Map<String, String> properties)
            throws Exception {
        String marker = UUID.randomUUID().toString();
        java.util.Map<String, String> withMarker = new java.util.HashMap<>(properties);
        withMarker.put("marker", marker);
        BusPublisher.text(destination, body, withMarker);
        Message dead = receiveDeadLetter(marker);
        if (dead instanceof TextMessage text) {
            assertEquals(body, text.getText(), "the body is kept as sent");
        }
        return dead;
    }

    private static Message receiveDeadLetter(String marker) throws Exception {
        Queue queue = BusPublisher.lookup(BusPublisher.DEAD_LETTER);
        try (JMSContext context = BusPublisher.connectionFactory().createContext();
             JMSConsumer consumer = context.createConsumer(queue, "marker = '" + marker + "'")) {
            Message dead = consumer.receive(10_000);
            assertNotNull(dead, "no dead letter within 10 s");
            return dead;
        }
    }
}

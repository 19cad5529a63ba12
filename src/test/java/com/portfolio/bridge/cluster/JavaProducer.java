package com.portfolio.bridge.cluster;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.json.JSONObject;

/**
 * A backend team's Java producer: plain Jakarta JMS on the Artemis client, publishing to the
 * bridge's topics by their broker address names. Also reads the dead-letter queue.
 */
public final class JavaProducer implements AutoCloseable {

    public static final String NOTIFICATIONS = "portfolio.notifications";
    public static final String MESSAGES = "portfolio.messages";
    public static final String COMMANDS = "portfolio.commands";
    public static final String PRESENCE = "portfolio.presence";

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;

    public JavaProducer(ArtemisBroker broker) {
        factory = new ActiveMQConnectionFactory(broker.url() + (broker.url().contains("?") ? "&" : "?") + "reconnectAttempts=-1&retryInterval=500", broker.user(), broker.password());
        context = factory.createContext();
    }

    public void text(String topic, String document, Map<String, String> properties) {
        JMSProducer producer = context.createProducer();
        properties.forEach(producer::setProperty);
        producer.send(context.createTopic(topic), document);
    }

    public void bytes(String topic, byte[] body, Map<String, String> properties) {
        JMSProducer producer = context.createProducer();
        properties.forEach(producer::setProperty);
        producer.send(context.createTopic(topic), body);
    }

    /** A live subscription to a topic (create it before what it should see happens). */
    public jakarta.jms.JMSConsumer subscribe(String topic, String selector) {
        return context.createConsumer(context.createTopic(topic), selector);
    }

    /** One message taken off the dead-letter queue: what the bridge said about it, and its body. */
    public record DeadLetter(String reason, String kind, String node, String body) {
    }

    /** Takes up to {@code expected} messages off the dead-letter queue, waiting up to {@code waitMs} for each. */
    public List<DeadLetter> drainDeadLetters(int expected, long waitMs) throws Exception {
        List<DeadLetter> letters = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("portfolio.deadletter"));
            while (letters.size() < expected) {
                Message message = consumer.receive(waitMs);
                if (message == null) {
                    break;
                }
                letters.add(new DeadLetter(message.getStringProperty("deadLetterReason"),
                        message.getStringProperty("deadLetterKind"), message.getStringProperty("deadLetterNode"),
                        body(message)));
            }
        }
        return letters;
    }

    private static String body(Message message) throws Exception {
        if (message instanceof TextMessage text) {
            return text.getText();
        }
        if (message instanceof BytesMessage bytes) {
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            return new String(body, StandardCharsets.UTF_8);
        }
        if (message instanceof MapMessage map) {
            JSONObject entries = new JSONObject();
            for (Object name : Collections.list(map.getMapNames())) {
                entries.put((String) name, map.getObject((String) name));
            }
            return entries.toString();
        }
        return "";
    }

    @Override
    public void close() {
        context.close();
        factory.close();
    }
}

package com.portfolio.bridge.cluster;

import jakarta.jms.Connection;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A backend team's Java producer: plain Jakarta JMS on the Artemis client, publishing to the
 * bridge's topics by their broker address names. Also reads the dead-letter queue.
 */
public final class JavaProducer implements AutoCloseable {

    public static final String NOTIFICATIONS = "portfolio.notifications";
    public static final String MESSAGES = "portfolio.messages";

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;

    public JavaProducer(ArtemisBroker broker) {
        factory = new ActiveMQConnectionFactory(broker.url() + "?reconnectAttempts=-1&retryInterval=500", broker.user(), broker.password());
        context = factory.createContext();
    }

    public void text(String topic, String document, Map<String, String> properties) {
        JMSProducer producer = context.createProducer();
        properties.forEach(producer::setProperty);
        producer.send(context.createTopic(topic), document);
    }

    /** Every message now on the dead-letter queue, taken off it (waits up to {@code waitMs} for each). */
    public List<Message> drainDeadLetters(int expected, long waitMs) throws Exception {
        List<Message> messages = new ArrayList<>();
        try (Connection connection = factory.createConnection()) {
            connection.start();
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("portfolio.deadletter"));
            while (messages.size() < expected) {
                Message message = consumer.receive(waitMs);
                if (message == null) {
                    break;
                }
                messages.add(message);
            }
        }
        return messages;
    }

    @Override
    public void close() {
        context.close();
        factory.close();
    }
}

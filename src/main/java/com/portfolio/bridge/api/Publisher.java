package com.portfolio.bridge.api;

import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.bus.Topics;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/** Puts what the API accepted onto the bus, as any producer would; every node then acts on it. */
@ApplicationScoped
public class Publisher {

    @Resource(lookup = "jms/portfolio/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Inject
    private Topics topics;

    /** @return the message id the bus gave it */
    String publish(EventKind kind, String routingKey, String body) {
        Topic topic = topics.of(kind);
        try (JMSContext context = connectionFactory.createContext()) {
            TextMessage message = context.createTextMessage(body);
            message.setStringProperty(kind.routingKey(), routingKey);
            context.createProducer().send(topic, message);
            return message.getJMSMessageID();
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot publish " + kind + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }
}

package com.portfolio.bridge.bus;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import java.util.logging.Logger;

/**
 * What both consumers do with a message: decode it, emit it to its room, or dead-letter it
 * with the reason. Anything else that fails is rethrown so the container rolls back and the
 * bus redelivers.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class.getName());

    @EJB
    private PortfolioNamespace namespace;

    @Inject
    private DeadLetters deadLetters;

    @Inject
    private BridgeConfig config;

    public void accept(Message message, EventKind kind) {
        try {
            DomainEvent event = decode(message, kind);
            int sockets = switch (kind) {
                case NOTIFICATION -> namespace.notificationCreated(event.routingKey(), event.documentJson());
                case MESSAGE -> namespace.messagePosted(event.routingKey(), event.documentJson());
            };
            LOG.fine(() -> kind + " for " + event.routingKey() + " sent to " + sockets + " sockets");
        } catch (PoisonEventException poison) {
            deadLetter(message, kind, poison.reason());
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read " + kind + " event: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private DomainEvent decode(Message message, EventKind kind) throws JMSException, PoisonEventException {
        String body = MessageBodies.text(message, config.maxEventBytes());
        String keyProperty = message.propertyExists(kind.routingKey())
                ? message.getStringProperty(kind.routingKey()) : null;
        return EventDecoder.decode(kind, body, keyProperty);
    }

    private void deadLetter(Message message, EventKind kind, String reason) {
        try {
            deadLetters.send(message, kind, reason);
            LOG.warning(() -> "dead-lettered " + kind + " event " + messageId(message) + ": " + reason);
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot dead-letter " + kind + " event: " + e.getMessage(),
                    e.getErrorCode(), e);
        }
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "(no id)";
        }
    }
}

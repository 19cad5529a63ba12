package com.portfolio.bridge.bus;

import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.realtime.Delivery;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.recovery.EventIds;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.logging.Logger;

/**
 * What the event consumers do with an event: decode it and hand it to {@link Delivery}, on the
 * topic's one ordered consumer (delivery numbers events in that order). The {@link Inbox}
 * dead-letters poison; {@link RecentMessageIds} drops a redelivery of an event already delivered.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class.getName());

    @EJB
    private PortfolioNamespace namespace;

    @Inject
    private Inbox inbox;

    @Inject
    private BridgeMetrics metrics;

    private volatile Delivery delivery;

    private final RecentMessageIds recent = new RecentMessageIds(RecentMessageIds.DEFAULT_SIZE);

    public void accept(Message message, EventKind kind) {
        inbox.receive(message, kind, probe -> delivery().probe(kind, eventId(probe, "probe")),
                (event, body) -> deliver(event, body, kind));
    }

    private void deliver(Message message, String body, EventKind kind) throws JMSException, PoisonEventException {
        String messageId = message.getJMSMessageID();
        Long busId = messageId != null ? EventIds.of(messageId) : null;
        if (busId != null && recent.delivered(kind, busId)) {
            // A redelivery, e.g. after a broker failover: acknowledged again, not emitted again.
            metrics.redeliveryDropped(kind);
            LOG.fine(() -> "dropped a redelivered " + kind + " " + messageId + " (" + recent.dropped() + " so far)");
            return;
        }
        String keyProperty = message.propertyExists(kind.routingKey()) ? message.getStringProperty(kind.routingKey()) : null;
        DomainEvent event = EventDecoder.decode(kind, body, keyProperty);
        long id = busId != null ? busId : eventId(message, event.routingKey() + "\n" + event.documentJson());
        delivery().deliver(kind, event.routingKey(), event.documentJson(), id, message.getJMSTimestamp());
        if (busId != null) {
            recent.remember(kind, busId);
        }
    }

    /**
     * The same on every node: from the bus's message id, or, when a producer sent none, from its
     * timestamp and content (two identical events in one millisecond then share an id).
     */
    private static long eventId(Message message, String content) throws JMSException {
        String messageId = message.getJMSMessageID();
        return EventIds.of(messageId != null ? messageId : "no-id:" + message.getJMSTimestamp() + ":" + content);
    }

    // Looked up once, on first use: the singleton may still be starting when this bean is built.
    private Delivery delivery() {
        Delivery current = delivery;
        if (current == null) {
            current = namespace.delivery();
            delivery = current;
        }
        return current;
    }
}

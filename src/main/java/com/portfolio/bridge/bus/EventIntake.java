package com.portfolio.bridge.bus;

import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.realtime.RoomBroadcasts;
import com.portfolio.bridge.recovery.EventIds;
import com.portfolio.bridge.recovery.EventLog;
import com.portfolio.bridge.recovery.Offset;
import com.portfolio.bridge.recovery.Recovery;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.logging.Logger;

/**
 * What the event consumers do with an event: decode it, number it, and hand it to its key's lane
 * to emit. Runs on the topic's one ordered consumer; the {@link Inbox} dead-letters poison.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class.getName());

    @EJB
    private PortfolioNamespace namespace;

    @Inject
    private Inbox inbox;

    @Inject
    private KeyedLanes lanes;

    @Inject
    private BridgeMetrics metrics;

    private volatile RoomBroadcasts broadcasts;
    private volatile Recovery recovery;

    public void accept(Message message, EventKind kind) {
        // Probes are numbered too: they pass on every topic every few seconds, so a client's
        // position always names an event every node has seen, even on a quiet topic.
        inbox.receive(message, kind, probe -> log(kind).completed(log(kind).append(eventId(probe, "probe"))),
                (event, body) -> deliver(event, body, kind));
    }

    private void deliver(Message message, String body, EventKind kind) throws JMSException, PoisonEventException {
        long consumedAt = System.nanoTime();
        String keyProperty = message.propertyExists(kind.routingKey()) ? message.getStringProperty(kind.routingKey()) : null;
        DomainEvent event = EventDecoder.decode(kind, body, keyProperty);
        long id = eventId(message, event.routingKey() + "\n" + event.documentJson());
        long publishedAt = message.getJMSTimestamp();
        long seq = log(kind).append(id);
        lanes.submit(kind, event.routingKey(), () -> {
            try {
                int frames = emit(kind, event, seq, id);
                metrics.emitted(kind, frames, System.nanoTime() - consumedAt, publishedAt);
            } finally {
                log(kind).completed(seq);
            }
        });
    }

    private int emit(EventKind kind, DomainEvent event, long seq, long id) {
        int sockets = broadcasts().emit(stream(kind), event.routingKey(), event.documentJson(), seq, id);
        LOG.fine(() -> kind + " for " + event.routingKey() + " sent to " + sockets + " sockets");
        return sockets;
    }

    private static int stream(EventKind kind) {
        return switch (kind) {
            case NOTIFICATION -> Offset.NOTIFICATIONS;
            case MESSAGE -> Offset.MESSAGES;
            case COMMAND -> throw new IllegalArgumentException("commands have their own intake");
        };
    }

    private EventLog log(EventKind kind) {
        Recovery current = recovery;
        if (current == null) {
            current = namespace.recovery();
            recovery = current;
        }
        return current.log(stream(kind));
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
    private RoomBroadcasts broadcasts() {
        RoomBroadcasts current = broadcasts;
        if (current == null) {
            current = namespace.broadcasts();
            broadcasts = current;
        }
        return current;
    }
}

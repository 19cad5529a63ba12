package com.portfolio.bridge.bus;

import com.portfolio.bridge.commands.Command;
import com.portfolio.bridge.commands.CommandApplier;
import com.portfolio.bridge.commands.CommandDecoder;
import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.metrics.BridgeMetrics;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import com.portfolio.bridge.realtime.RoomBroadcasts;
import com.portfolio.bridge.recovery.EventIds;
import com.portfolio.bridge.recovery.EventLog;
import com.portfolio.bridge.recovery.Offset;
import com.portfolio.bridge.recovery.Recovery;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

/**
 * What the consumers do with a message: decode it and hand it to its key's lane to emit (or, a
 * command, to apply), or dead-letter it with the reason. Runs on the topic's one ordered consumer. Anything else that
 * fails here is rethrown so the container rolls back and the bus redelivers.
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

    @Inject
    private KeyedLanes lanes;

    @Inject
    private Probes probes;

    @Inject
    private BusActivity activity;

    @Inject
    private CommandApplier commands;

    @Inject
    private BridgeMetrics metrics;

    private volatile RoomBroadcasts broadcasts;
    private volatile Recovery recovery;

    public void accept(Message message, EventKind kind) {
        try {
            if (Probes.isProbe(message)) {
                // Numbered too: probes pass on every topic every few seconds, so a client's
                // position always names an event every node has seen, even on a quiet topic.
                if (kind != EventKind.COMMAND) {
                    log(kind).completed(log(kind).append(eventId(message, "probe")));
                }
                probes.received(kind, message);
                return;
            }
            activity.countConsumed(kind);
            if (kind == EventKind.COMMAND) {
                // "now" is when the command was published, the same on every node however late one
                // applies it, in whole seconds as iat is (a token issued in that second stays valid).
                long sent = message.getJMSTimestamp();
                Command command = CommandDecoder.decode(MessageBodies.text(message, config.maxEventBytes()),
                        () -> (sent > 0 ? Instant.ofEpochMilli(sent) : Instant.now()).truncatedTo(ChronoUnit.SECONDS));
                lanes.submit(kind, command.userId(), () -> commands.apply(command));
                return;
            }
            long consumedAt = System.nanoTime();
            DomainEvent event = decode(message, kind);
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
        } catch (PoisonEventException poison) {
            deadLetter(message, kind, poison.reason());
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read " + kind + " event: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private int emit(EventKind kind, DomainEvent event, long seq, long id) {
        int sockets = broadcasts().emit(stream(kind), event.routingKey(), event.documentJson(), seq, id);
        LOG.fine(() -> kind + " for " + event.routingKey() + " sent to " + sockets + " sockets");
        return sockets;
    }

    private DomainEvent decode(Message message, EventKind kind) throws JMSException, PoisonEventException {
        String body = MessageBodies.text(message, config.maxEventBytes());
        String keyProperty = message.propertyExists(kind.routingKey())
                ? message.getStringProperty(kind.routingKey()) : null;
        return EventDecoder.decode(kind, body, keyProperty);
    }

    private static int stream(EventKind kind) {
        return switch (kind) {
            case NOTIFICATION -> Offset.NOTIFICATIONS;
            case MESSAGE -> Offset.MESSAGES;
            case COMMAND -> throw new IllegalArgumentException("commands are applied (CommandApplier), never emitted");
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

    private void deadLetter(Message message, EventKind kind, String reason) {
        try {
            deadLetters.send(message, kind, reason);
            activity.countDeadLettered(kind);
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

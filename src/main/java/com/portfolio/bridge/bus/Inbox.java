package com.portfolio.bridge.bus;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import java.util.logging.Logger;

/**
 * What every consumer does with a message before its own work: a probe is recorded, a message
 * is counted and its body read within the size bound, and a poison one is dead-lettered with its
 * reason. Anything else that fails is rethrown so the container rolls back and the bus redelivers.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class.getName());

    /** The consumer's own work on one message (not a probe). */
    @FunctionalInterface
    public interface Work {
        void accept(Message message, String body) throws JMSException, PoisonEventException;
    }

    /** Seen before a probe is recorded. */
    @FunctionalInterface
    public interface ProbeWork {
        void accept(Message probe) throws JMSException;
    }

    @Inject
    private DeadLetters deadLetters;

    @Inject
    private BridgeConfig config;

    @Inject
    private Probes probes;

    @Inject
    private BusActivity activity;

    public void receive(Message message, EventKind kind, ProbeWork onProbe, Work work) {
        try {
            if (Probes.isProbe(message)) {
                onProbe.accept(message);
                probes.received(kind, message);
                return;
            }
            activity.countConsumed(kind);
            work.accept(message, MessageBodies.text(message, config.maxEventBytes()));
        } catch (PoisonEventException poison) {
            deadLetter(message, kind, poison.reason());
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot read " + kind + " event: " + e.getMessage(), e.getErrorCode(), e);
        }
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

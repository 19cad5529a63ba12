package com.portfolio.bridge.commands;

import com.portfolio.bridge.bus.Inbox;
import com.portfolio.bridge.bus.KeyedLanes;
import com.portfolio.bridge.bus.PoisonEventException;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Consumes backend commands (topic jms/portfolio/Commands): join, leave, disconnect. Each is
 * decoded and applied on its user's lane, in order with that user's notifications; the
 * {@link Inbox} dead-letters poison.
 */
@MessageDriven(name = "CommandConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
// As the event consumers: not transacted, a throw rolls the delivery back (redelivered).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandConsumer implements MessageListener {

    @Inject
    private Inbox inbox;

    @Inject
    private KeyedLanes lanes;

    @Inject
    private CommandApplier commands;

    @Override
    public void onMessage(Message message) {
        inbox.receive(message, EventKind.COMMAND, probe -> { }, this::apply);
    }

    private void apply(Message message, String body) throws JMSException, PoisonEventException {
        // "now" is when the command was published, the same on every node however late one
        // applies it, in whole seconds as iat is (a token issued in that second stays valid).
        long sent = message.getJMSTimestamp();
        Command command = CommandDecoder.decode(body,
                () -> (sent > 0 ? Instant.ofEpochMilli(sent) : Instant.now()).truncatedTo(ChronoUnit.SECONDS));
        lanes.run(EventKind.COMMAND, command.userId(), () -> commands.apply(command));
    }
}

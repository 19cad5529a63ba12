package com.portfolio.bridge.bus;

import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes chat message events (topic jms/portfolio/Messages) for {@code message:new}. */
@MessageDriven(name = "ChatMessageConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
// Not transacted: a commit per event made the broker's journal the limit (~250 events/s on
// Artemis); acks go asynchronously instead. A throw still rolls the delivery back (redelivered).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatMessageConsumer implements MessageListener {

    @Inject
    private EventIntake intake;

    @Override
    public void onMessage(Message message) {
        intake.accept(message, EventKind.MESSAGE);
    }
}

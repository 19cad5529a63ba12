package com.portfolio.bridge.commands;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes backend commands (topic jms/portfolio/Commands): join, leave, disconnect. */
@MessageDriven(name = "CommandConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
// As the event consumers: not transacted, a throw rolls the delivery back (redelivered).
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class CommandConsumer implements MessageListener {

    @Inject
    private CommandIntake intake;

    @Override
    public void onMessage(Message message) {
        intake.accept(message);
    }
}

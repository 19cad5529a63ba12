package com.portfolio.bridge.bus;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes chat message events (topic jms/portfolio/Messages) for {@code message:new}. */
@MessageDriven(name = "ChatMessageConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
public class ChatMessageConsumer implements MessageListener {

    @Inject
    private EventIntake intake;

    @Override
    public void onMessage(Message message) {
        intake.accept(message, EventKind.MESSAGE);
    }
}

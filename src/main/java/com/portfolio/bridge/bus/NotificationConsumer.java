package com.portfolio.bridge.bus;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/** Consumes notification events (topic jms/portfolio/Notifications) for {@code notification:new}. */
@MessageDriven(name = "NotificationConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
public class NotificationConsumer implements MessageListener {

    @Inject
    private EventIntake intake;

    @Override
    public void onMessage(Message message) {
        intake.accept(message, EventKind.NOTIFICATION);
    }
}

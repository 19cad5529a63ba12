package com.portfolio.bridge.presence;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;

/**
 * The other nodes' presence announcements (topic jms/portfolio/Cluster, a non-durable
 * subscription per node). A bad one is logged and dropped: it is internal, redelivering it
 * would not make it better, and the next snapshot repairs what it would have said.
 */
@MessageDriven(name = "ClusterConsumer", activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClusterConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ClusterConsumer.class.getName());

    @Inject
    private PresenceService presence;

    @Override
    public void onMessage(Message message) {
        String from = "unknown";
        try {
            from = String.valueOf(message.getStringProperty("node"));
            if (!(message instanceof TextMessage text)) {
                throw new IllegalArgumentException("not a text message");
            }
            presence.receive(text.getText());
        } catch (JMSException | IllegalArgumentException e) {
            String node = from;
            LOG.warning(() -> "presence: dropped a bad announcement from node " + node + ": " + e.getMessage());
        } catch (EJBException stopping) {
            // The application is stopping and the presence service is already gone: nothing to keep.
            LOG.fine(() -> "presence: announcement dropped while stopping: " + stopping.getMessage());
        }
    }
}

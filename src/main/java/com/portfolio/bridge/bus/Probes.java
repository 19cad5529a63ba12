package com.portfolio.bridge.bus;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import java.util.logging.Logger;

/**
 * Probe messages: every node publishes one per topic every interval and watches for its own
 * coming back through its consumers, which is what readiness reports. A probe with this node's
 * id from another, newer instance is a duplicate node id: that instance is told to stop.
 */
@ApplicationScoped
public class Probes {

    static final String NODE = "portfolioProbeNode";
    static final String INSTANCE = "portfolioProbeInstance";
    static final String HOST = "portfolioProbeHost";
    static final String SENT_AT = "portfolioProbeSentAt";
    /** On a reply: the instance id that must stop. */
    static final String CONFLICT = "portfolioProbeConflict";

    private static final Logger LOG = Logger.getLogger(Probes.class.getName());

    @Resource(lookup = "jms/portfolio/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Inject
    private Topics topics;

    @Inject
    private NodeIdentity node;

    @Inject
    private BusActivity activity;

    @Inject
    private BridgeConfig config;

    static boolean isProbe(Message message) throws JMSException {
        return message.propertyExists(NODE);
    }

    Topic topic(EventKind kind) {
        return topics.of(kind);
    }

    void publish(EventKind kind) {
        try (JMSContext context = connectionFactory.createContext()) {
            stamped(context).send(topic(kind), "probe");
        }
    }

    JMSProducer stamped(JMSContext context) {
        return context.createProducer()
                .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                .setTimeToLive(config.bus().probeStaleAfterMs())
                .setProperty(NODE, node.nodeId())
                .setProperty(INSTANCE, node.instanceId())
                .setProperty(HOST, node.host())
                .setProperty(SENT_AT, System.currentTimeMillis());
    }

    /** A probe arrived through the kind's consumer. */
    void received(EventKind kind, Message probe) throws JMSException {
        if (probe.propertyExists(CONFLICT) || !node.nodeId().equals(probe.getStringProperty(NODE))) {
            return;
        }
        String instance = probe.getStringProperty(INSTANCE);
        if (node.instanceId().equals(instance)) {
            activity.ownProbeReceived(kind, System.currentTimeMillis());
        } else if (probe.getLongProperty(SENT_AT) > node.startedAt()) {
            // Probes from this node's previous run (a restart) are older than this run.
            String other = instance + " on " + probe.getStringProperty(HOST);
            if (activity.conflict(other)) {
                LOG.severe(() -> "duplicate node id '" + node.nodeId() + "': instance " + other
                        + " started with it while this node holds its subscriptions; telling it to stop");
            }
            try (JMSContext context = connectionFactory.createContext()) {
                stamped(context).setProperty(CONFLICT, instance).send(topic(kind), "node id in use");
            }
        }
    }
}

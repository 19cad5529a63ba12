package com.portfolio.bridge.presence;

import com.portfolio.bridge.presence.PresenceMachine.Transition;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.time.Instant;
import java.util.List;
import org.json.JSONObject;

/**
 * The presence service's two topics: announcements to the other nodes (non-persistent, and
 * expiring after the node timeout: a stale one would only mislead), and {@code user.online} /
 * {@code user.offline} to backends (persistent, like any domain event).
 */
final class PresenceBus {

    private final ConnectionFactory connectionFactory;
    private final Topic cluster;
    private final Topic presence;
    private final long announcementTtlMs;

    PresenceBus(ConnectionFactory connectionFactory, Topic cluster, Topic presence, long announcementTtlMs) {
        this.connectionFactory = connectionFactory;
        this.cluster = cluster;
        this.presence = presence;
        this.announcementTtlMs = announcementTtlMs;
    }

    /** Sends in order, on one session; @throws jakarta.jms.JMSRuntimeException when the bus refuses */
    void send(List<Announcement> announcements, List<Transition> transitions) {
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer announcer = context.createProducer()
                    .setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(announcementTtlMs);
            for (Announcement a : announcements) {
                announcer.setProperty("node", a.node()).send(cluster, a.toJson());
            }
            JMSProducer publisher = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (Transition t : transitions) {
                String type = t.online() ? "user.online" : "user.offline";
                String document = new JSONObject().put("type", type).put("userId", t.userId())
                        .put("at", Instant.ofEpochMilli(t.atMs()).toString()).toString();
                publisher.setProperty("type", type).setProperty("userId", t.userId()).send(presence, document);
            }
        }
    }
}

package com.portfolio.bridge.it.support;

import com.portfolio.bridge.bus.EventIntake;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test deployments only: an event carrying the property {@code failOnce} fails inside the
 * container on its first delivery, as a crash mid-emit would. Every delivery is counted.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class FailOnceEventIntake extends EventIntake {

    public static final String FAIL_ONCE = "failOnce";
    public static final Map<String, Integer> DELIVERIES = new ConcurrentHashMap<>();

    @Override
    public void accept(Message message, EventKind kind) {
        try {
            if (message.propertyExists(FAIL_ONCE)
                    && DELIVERIES.merge(message.getStringProperty(FAIL_ONCE), 1, Integer::sum) == 1) {
                throw new IllegalStateException("simulated failure inside the container");
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
        super.accept(message, kind);
    }
}

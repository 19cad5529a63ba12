package com.portfolio.bridge.broker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.MessageReference;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.ServerConsumer;
import org.apache.activemq.artemis.core.server.plugin.ActiveMQServerPlugin;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Artemis broker plugin. An AMQP message whose body a JMS (core) consumer cannot receive,
 * such as a map holding a map, fails its conversion on delivery and the broker drops that
 * consumer, which the resource adapter never recreates: one such event would silence a node.
 * This takes such a message off the queue before a core consumer is offered it and puts a
 * readable copy with a {@code deadLetterReason} on the queue's dead-letter address.
 *
 * <p>Logs through SLF4J, the broker's own logging, so warnings land in the broker's log.
 */
public class AmqpConversionGuard implements ActiveMQServerPlugin {

    static final String REASON = "deadLetterReason";
    private static final Logger LOG = LoggerFactory.getLogger(AmqpConversionGuard.class);

    private final Set<String> moving = ConcurrentHashMap.newKeySet();
    /** Messages known not to convert (one message sits on every node's queue), newest 1,000. */
    private final Map<Long, String> failures = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > 1_000;
        }
    });
    private ExecutorService mover;
    private ActiveMQServer server;

    @Override
    public void init(Map<String, String> properties) {
        mover = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "portfolio-amqp-conversion-guard");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void registered(ActiveMQServer server) {
        this.server = server;
    }

    @Override
    public void unregistered(ActiveMQServer server) {
        mover.shutdown();
    }

    @Override
    public boolean canAccept(ServerConsumer consumer, MessageReference reference) {
        if (!(reference.getMessage() instanceof AMQPMessage message) || "AMQP".equals(consumer.getConnectionProtocolName())) {
            return true;
        }
        String problem = conversionProblem(message);
        if (problem == null) {
            return true;
        }
        Queue queue = reference.getQueue();
        long id = reference.getMessageID();
        String key = queue.getName() + "/" + id;
        // The queue is mid-delivery here: move the message from another thread, once.
        if (moving.add(key)) {
            mover.execute(() -> moveToDeadLetters(queue, message, id, problem, key));
        }
        return false;
    }

    /** Null when a core consumer can receive the message; else why not. */
    private String conversionProblem(AMQPMessage message) {
        if (!AmqpBodies.isStructured(message.getBody())) {
            return null; // strings, data sections and scalars always convert
        }
        String known = failures.get(message.getMessageID());
        if (known != null) {
            return known; // the broker logs a stack trace for each failed conversion: try once
        }
        try {
            message.toCore();
            return null;
        } catch (RuntimeException e) {
            String problem = "AMQP body cannot be delivered to JMS consumers (" + e.getMessage()
                    + "): send the JSON document as a string or a data section";
            failures.put(message.getMessageID(), problem);
            return problem;
        }
    }

    private void moveToDeadLetters(Queue queue, AMQPMessage message, long id, String problem, String key) {
        SimpleString deadLetters = queue.getDeadLetterAddress();
        if (deadLetters == null) {
            // Kept in "moving": it stays on the queue, skipped by core consumers, logged once.
            LOG.error("AMQP message {} on queue {} is held back: {}; set a dead-letter address for it", id,
                    queue.getName(), problem);
            return;
        }
        try {
            server.getPostOffice().route(DeadLetterCopy.of(server, queue, message, problem, deadLetters), false);
            queue.deleteReference(id);
            LOG.warn("dead-lettered AMQP message {} from queue {} to {}: {}", id, queue.getName(), deadLetters, problem);
            moving.remove(key);
        } catch (Exception e) {
            LOG.error("cannot dead-letter AMQP message {} from queue {}; it stays held back", id, queue.getName(), e);
        }
    }
}

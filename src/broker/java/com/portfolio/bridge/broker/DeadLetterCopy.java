package com.portfolio.bridge.broker;

import org.apache.activemq.artemis.api.core.Message;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.message.impl.CoreMessage;
import org.apache.activemq.artemis.core.server.ActiveMQServer;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.protocol.amqp.broker.AMQPMessage;

/**
 * The dead-letter copy of an AMQP message no JMS consumer can receive: a core text message
 * (readable by any client, unlike the original) holding the body as JSON, the original's
 * application properties, where it came from, and the reason.
 */
final class DeadLetterCopy {

    private DeadLetterCopy() {
    }

    static Message of(ActiveMQServer server, Queue queue, AMQPMessage original, String reason, SimpleString deadLetters) {
        CoreMessage copy = new CoreMessage(server.getStorageManager().generateID(), 512);
        copy.setType(Message.TEXT_TYPE);
        copy.setDurable(original.isDurable());
        copy.getBodyBuffer().writeNullableSimpleString(SimpleString.of(AmqpBodies.json(original.getBody())));
        for (SimpleString name : original.getPropertyNames()) {
            Object value = original.getObjectProperty(name);
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                copy.putObjectProperty(name, value);
            }
        }
        copy.putStringProperty(Message.HDR_ORIGINAL_ADDRESS, queue.getAddress());
        copy.putStringProperty(Message.HDR_ORIGINAL_QUEUE, queue.getName());
        copy.putStringProperty(AmqpConversionGuard.REASON, reason);
        copy.setAddress(deadLetters);
        copy.setRoutingType(RoutingType.ANYCAST);
        return copy;
    }
}

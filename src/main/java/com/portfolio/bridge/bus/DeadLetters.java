package com.portfolio.bridge.bus;

import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.BytesMessage;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageEOFException;
import jakarta.jms.Queue;
import jakarta.jms.StreamMessage;
import jakarta.jms.TextMessage;
import java.util.Collections;

/**
 * Moves an undeliverable event to the dead-letter queue with its reason. The copy is sent
 * before the event is acknowledged: if the send fails, the delivery rolls back and the event is
 * redelivered; a crash in between can leave a second copy, never none.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "deadLetterReason";
    public static final String KIND = "deadLetterKind";
    public static final String ORIGINAL_ID = "deadLetterOriginalMessageId";
    /** Each node consumes every event, so each dead-letters a poison one: say which node did. */
    public static final String NODE = "deadLetterNode";

    @Resource(lookup = "jms/portfolio/ConnectionFactory")
    private ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/portfolio/DeadLetter")
    private Queue deadLetterQueue;

    @Inject
    private NodeIdentity node;

    public void send(Message original, EventKind kind, String reason) throws JMSException {
        try (JMSContext context = connectionFactory.createContext()) {
            Message copy = copyBody(context, original);
            for (Object name : Collections.list(original.getPropertyNames())) {
                String property = (String) name;
                // JMS* and the broker's own _AMQ* properties belong to the original delivery.
                if (!property.startsWith("JMS") && !property.startsWith("_AMQ")) {
                    copy.setObjectProperty(property, original.getObjectProperty(property));
                }
            }
            copy.setStringProperty(REASON, reason);
            copy.setStringProperty(KIND, kind.name().toLowerCase());
            copy.setStringProperty(NODE, node.nodeId());
            copy.setStringProperty(ORIGINAL_ID, String.valueOf(original.getJMSMessageID()));
            context.createProducer().send(deadLetterQueue, copy);
        }
    }

    private static Message copyBody(JMSContext context, Message original) throws JMSException {
        if (original instanceof TextMessage text) {
            return context.createTextMessage(text.getText());
        }
        if (original instanceof BytesMessage bytes) {
            bytes.reset();
            byte[] body = new byte[(int) bytes.getBodyLength()];
            bytes.readBytes(body);
            BytesMessage copy = context.createBytesMessage();
            copy.writeBytes(body);
            return copy;
        }
        if (original instanceof MapMessage map) {
            // AMQP producers' map bodies arrive like this: keep them for whoever reads the queue.
            MapMessage copy = context.createMapMessage();
            for (Object name : Collections.list(map.getMapNames())) {
                copy.setObject((String) name, map.getObject((String) name));
            }
            return copy;
        }
        if (original instanceof StreamMessage stream) {
            stream.reset();
            StreamMessage copy = context.createStreamMessage();
            try {
                while (true) {
                    copy.writeObject(stream.readObject());
                }
            } catch (MessageEOFException end) {
                return copy;
            }
        }
        // An ObjectMessage is not deserialized here (that would run the producer's classes);
        // the reason says what arrived.
        return context.createMessage();
    }
}

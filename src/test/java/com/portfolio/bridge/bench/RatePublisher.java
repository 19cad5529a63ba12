package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.ArtemisBroker;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Publishes chat messages to the bus at a set rate, round-robin over conversations, each
 * document stamped with its send time in microseconds for publish→receive latency.
 */
final class RatePublisher implements AutoCloseable {

    /** What a run actually did. */
    record Sent(long events, double seconds) {
        double rate() {
            return events / seconds;
        }
    }

    private static final String TEXT = "x".repeat(120);
    /** The document's bytes besides its text (ids, field names, timestamp), near enough. */
    private static final int FRAME_BYTES = 110;

    private final ArtemisBroker broker;
    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;
    private final Topic messages;
    private long sequence;

    RatePublisher(ArtemisBroker broker) {
        this.broker = broker;
        // Persistent events, as producers send them, without waiting for each to be journaled.
        factory = new ActiveMQConnectionFactory(broker.url() + "?blockOnDurableSend=false", broker.user(), broker.password());
        context = factory.createContext();
        messages = context.createTopic("portfolio.messages");
    }

    /** CPU seconds the broker published to has used so far: what the bus costs per event. */
    double brokerCpuSeconds() throws java.io.IOException {
        return ProcessStats.treeCpuSeconds(broker.process());
    }

    /** A text that makes each document about {@code documentBytes} long. */
    static String padding(int documentBytes) {
        return "x".repeat(Math.max(1, documentBytes - FRAME_BYTES));
    }

    Sent publish(List<String> conversations, int perSecond, double seconds) {
        return publish(conversations, perSecond, seconds, TEXT);
    }

    /** As above, each document carrying {@code text} (see {@link #padding}). */
    Sent publish(List<String> conversations, int perSecond, double seconds, String text) {
        JMSProducer producer = context.createProducer();
        long start = System.nanoTime();
        long total = Math.round(perSecond * seconds);
        for (long i = 0; i < total; i++) {
            long due = start + (long) (i * 1e9 / perSecond);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            String conversation = conversations.get((int) (sequence % conversations.size()));
            producer.setProperty("conversationId", conversation).send(messages, document(conversation, text));
        }
        return new Sent(total, (System.nanoTime() - start) / 1e9);
    }

    private String document(String conversation, String text) {
        Instant now = Instant.now();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, now);
        return "{\"_id\":\"b" + (sequence++) + "\",\"conversationId\":\"" + conversation + "\",\"text\":\"" + text
                + "\",\"sentAtMicros\":" + micros + "}";
    }

    @Override
    public void close() {
        context.close();
        factory.close();
    }
}

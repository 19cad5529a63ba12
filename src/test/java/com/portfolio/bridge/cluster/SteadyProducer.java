package com.portfolio.bridge.cluster;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Topic;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.json.JSONObject;

/**
 * A producer publishing persistent notifications at a steady rate, round the given users, over an
 * HA connection. A send that returns was accepted by the broker; one that throws is sent again
 * (with the same duplicate-detection id, so the broker drops it if the first had been stored).
 */
public final class SteadyProducer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SteadyProducer.class.getName());
    // Artemis's duplicate-detection header: a resend of a stored message is dropped by the broker.
    private static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;
    private final Topic topic;
    private final List<String> users;
    private final String run = LocalCluster.randomHex(4);
    private ScheduledExecutorService ticks;
    private final AtomicInteger next = new AtomicInteger(1);
    private final Map<Integer, String> accepted = new ConcurrentSkipListMap<>();
    private final AtomicInteger failedSends = new AtomicInteger();
    private final AtomicLong longestSendNanos = new AtomicLong();
    private volatile boolean running;

    public SteadyProducer(String url, String user, String password, List<String> users) {
        factory = new ActiveMQConnectionFactory(url, user, password);
        context = factory.createContext();
        topic = context.createTopic(JavaProducer.NOTIFICATIONS);
        this.users = users;
    }

    static String userOf(List<String> users, int seq) {
        return users.get(seq % users.size());
    }

    /** Starts (again) sending {@code perSecond} events a second; figures count from here. */
    public void start(int perSecond) {
        running = true;
        failedSends.set(0);
        longestSendNanos.set(0);
        ticks = Executors.newSingleThreadScheduledExecutor();
        ticks.scheduleAtFixedRate(this::sendNext, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
    }

    /** Stops sending; returns once the send in progress, if any, is done. */
    public void stop() throws InterruptedException {
        running = false;
        if (ticks == null) {
            return;
        }
        ticks.shutdown();
        if (!ticks.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("a send did not finish within 60 s");
        }
    }

    private void sendNext() {
        int seq = next.getAndIncrement();
        String user = userOf(users, seq);
        String document = new JSONObject().put("_id", "pair-" + seq).put("userId", user).put("seq", seq).toString();
        long started = System.nanoTime();
        while (running) {
            try {
                context.createProducer().setProperty("userId", user).setProperty(DUPLICATE_ID, run + "-" + seq)
                        .send(topic, document);
                longestSendNanos.accumulateAndGet(System.nanoTime() - started, Math::max);
                accepted.put(seq, user);
                return;
            } catch (JMSRuntimeException e) {
                failedSends.incrementAndGet();
                LOG.info(() -> "send " + seq + " failed, sending again: " + e);
            }
        }
    }

    /** Numbers sent so far: the next one is this plus one. */
    public int sent() {
        return next.get() - 1;
    }

    /** Accepted sequence numbers and their users. */
    public Map<Integer, String> accepted() {
        return accepted;
    }

    public int failedSends() {
        return failedSends.get();
    }

    long longestSendMillis() {
        return longestSendNanos.get() / 1_000_000;
    }

    /** The longest send since the last call (or the start), and starts counting afresh. */
    public long takeLongestSendMillis() {
        return longestSendNanos.getAndSet(0) / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
        context.close();
        factory.close();
    }
}

package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.RawSocketClient.Event;
import com.portfolio.bridge.it.support.TestTokens;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A primary/backup broker pair under steady load: the primary killed with SIGKILL, then started
 * again (fail-back). Each time every event the broker accepted reaches every member socket on
 * both nodes, without duplicates and in order, no socket is disconnected, and delivery resumes
 * within {@link #RESUMED}. A plain JMS durable subscriber beside the nodes shows what the broker
 * itself redelivers. Figures go to the log ("pair figures").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class BrokerPairIT {

    private static final Logger LOG = Logger.getLogger(BrokerPairIT.class.getName());
    private static final int PRIMARY_PORT = 61751;
    private static final int BACKUP_PORT = 61752;
    private static final int BASE_PORT = 9330;
    private static final int RATE = 50;
    /** The longest silence a member socket may see around a failover or a fail-back. */
    static final Duration RESUMED = Duration.ofSeconds(10);
    /** Duplicates a member socket may get: none, the bridge drops redeliveries it has delivered. */
    static final int MAX_DUPLICATES = 0;

    private final List<String> users = List.of(RawSocketClient.unique("ann"), RawSocketClient.unique("ben"),
            RawSocketClient.unique("cid"));
    private final Map<RawSocketClient, Arrivals> sockets = new HashMap<>();
    private final Map<RawSocketClient, String> socketUser = new HashMap<>();
    private final List<Thread> readers = new ArrayList<>();
    private LocalCluster cluster;
    private BrokerPair pair;
    private SteadyProducer producer;
    private ActiveMQConnectionFactory referenceFactory;
    private JMSContext reference;
    private final Arrivals referenceArrivals = new Arrivals("plain JMS subscriber");
    private volatile boolean reading = true;

    @BeforeAll
    void start() throws Exception {
        cluster = new LocalCluster("pair", PRIMARY_PORT, BASE_PORT, 2).withEnv(ClusterEnv.testNodes());
        Path work = Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolve("pair");
        pair = new BrokerPair(Path.of(System.getProperty("artemis.home")), work.resolve("brokers"), PRIMARY_PORT,
                BACKUP_PORT, cluster.broker().user(), cluster.broker().password());
        cluster.withEnv(Map.of("PORTFOLIO_ARTEMIS_BROKERS", pair.brokers(), "PORTFOLIO_ARTEMIS_HA", "true"));
        pair.create(Path.of(System.getProperty("artemis.settings")));
        pair.start();
        cluster.startNodes();
        for (int node = 1; node <= 2; node++) {
            for (String user : users) {
                RawSocketClient client = RawSocketClient.connect(cluster.node(node).httpPort(), TestTokens.valid(user));
                assertTrue(client.connected());
                Arrivals arrivals = new Arrivals(user + "@node-" + node);
                sockets.put(client, arrivals);
                socketUser.put(client, user);
                Thread reader = new Thread(() -> read(client, arrivals), "reader-" + arrivals.name());
                reader.setDaemon(true);
                reader.start();
                readers.add(reader);
            }
        }
        subscribeReference();
        producer = new SteadyProducer(pair.clientUrl(), cluster.broker().user(), cluster.broker().password(), users);
    }

    // Acknowledged as the bridge's consumers are: automatically, not transacted.
    private void subscribeReference() {
        referenceFactory = new ActiveMQConnectionFactory(pair.clientUrl(), cluster.broker().user(), cluster.broker().password());
        reference = referenceFactory.createContext(JMSContext.AUTO_ACKNOWLEDGE);
        reference.setClientID("pair-reference");
        reference.createDurableConsumer(reference.createTopic(JavaProducer.NOTIFICATIONS), "reference")
                .setMessageListener(message -> {
                    try {
                        referenceArrivals.add(new JSONObject(((TextMessage) message).getText()).getInt("seq"));
                    } catch (jakarta.jms.JMSException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    private void read(RawSocketClient client, Arrivals arrivals) {
        try {
            while (reading) {
                Event event = client.nextEventWithin(Duration.ofMillis(100));
                if (event != null && event.name().equals("notification:new")) {
                    arrivals.add(((JSONObject) event.argument()).getInt("seq"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    void stop() throws Exception {
        reading = false;
        try {
            if (producer != null) {
                producer.close();
            }
            if (reference != null) {
                reference.close();
                referenceFactory.close();
            }
            sockets.keySet().forEach(RawSocketClient::close);
        } finally {
            try {
                if (cluster != null) {
                    cluster.close();
                }
            } finally {
                if (pair != null) {
                    pair.close();
                }
            }
        }
    }

    @Test
    @Order(1)
    void theBackupTakesOverWhenThePrimaryIsKilled() throws Exception {
        underLoad("failover", pair::killPrimary);
    }

    @Test
    @Order(2)
    void thePrimaryTakesBackOverWhenItComesBack() throws Exception {
        underLoad("fail-back", pair::restartPrimary);
    }

    interface Action {
        void run() throws Exception;
    }

    /** Steady publishing, the action after two seconds of it, then three seconds more once sends succeed again. */
    private void underLoad(String what, Action action) throws Exception {
        int from = producer.sent() + 1;
        producer.start(RATE);
        Await.until("two seconds of publishing", Duration.ofSeconds(30), () -> producer.sent() >= from + 2 * RATE);
        long actionAt = System.nanoTime();
        action.run();
        long actionMillis = (System.nanoTime() - actionAt) / 1_000_000;
        int afterAction = producer.sent();
        Await.until("three seconds of accepted sends after the " + what, Duration.ofSeconds(120),
                () -> producer.accepted().containsKey(afterAction + 3 * RATE));
        producer.stop();
        long stoppedAt = System.nanoTime();
        Map<Integer, String> accepted = new HashMap<>();
        producer.accepted().forEach((seq, user) -> {
            if (seq >= from) {
                accepted.put(seq, user);
            }
        });

        for (Map.Entry<RawSocketClient, Arrivals> socket : sockets.entrySet()) {
            String user = socketUser.get(socket.getKey());
            List<Integer> own = accepted.entrySet().stream().filter(e -> e.getValue().equals(user)).map(Map.Entry::getKey).toList();
            Await.until(socket.getValue().name() + " has every accepted event", Duration.ofSeconds(60),
                    Duration.ofMillis(50), () -> socket.getValue().hasAll(own));
        }
        Await.until("the plain subscriber has every accepted event", Duration.ofSeconds(60), Duration.ofMillis(50),
                () -> referenceArrivals.hasAll(accepted.keySet()));

        int duplicates = 0;
        int late = 0;
        long silence = 0;
        for (Arrivals arrivals : sockets.values()) {
            duplicates += arrivals.duplicates(from);
            late += arrivals.outOfOrder(from);
            silence = Math.max(silence, arrivals.longestSilenceMillis(actionAt, stoppedAt));
        }
        LOG.info(String.format("pair figures, %s: accepted %d of %d sent (%d failed sends resent, longest send %d ms);"
                + " %s took %d ms; sockets: %d, duplicates %d, out of order %d, longest silence %d ms;"
                + " plain JMS subscriber: duplicates %d, longest silence %d ms",
                what, accepted.size(), producer.sent() - from + 1, producer.failedSends(), producer.longestSendMillis(),
                what, actionMillis, sockets.size(), duplicates, late, silence,
                referenceArrivals.duplicates(from), referenceArrivals.longestSilenceMillis(actionAt, stoppedAt)));

        for (RawSocketClient client : sockets.keySet()) {
            assertNull(client.peekControl(), sockets.get(client).name() + " was disconnected");
        }
        assertTrue(duplicates <= MAX_DUPLICATES, duplicates + " duplicates on the sockets");
        assertEquals(0, late, "events out of order on the sockets");
        assertTrue(silence <= RESUMED.toMillis(), "a socket went " + silence + " ms without an event");
    }
}

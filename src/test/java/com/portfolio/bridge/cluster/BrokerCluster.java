package com.portfolio.bridge.cluster;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Topic;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Two clustered Artemis brokers on loopback, A and B, each made by {@code artemis create} with the
 * project's settings and a static cluster connection to the other. A is a {@link LocalCluster}'s
 * broker (its credentials are the nodes'); B gets the same credentials, so one node configuration
 * fits either broker.
 */
public final class BrokerCluster implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BrokerCluster.class.getName());
    private static final String CHECK_ADDRESS = "harness.cluster-check";

    private final ArtemisBroker a;
    private final ArtemisBroker b;
    private final String loadBalancing;
    private final String clusterPassword = LocalCluster.randomHex(16);

    /** @param loadBalancing the cluster connection's message load balancing (STRICT, ON_DEMAND, ...) */
    public BrokerCluster(ArtemisBroker a, int portOfB, String loadBalancing) {
        this.a = a;
        this.b = new ArtemisBroker(Path.of(System.getProperty("artemis.home")),
                a.brokerXml().getParent().getParent().resolveSibling("broker-b"), portOfB, a.user(), a.password());
        this.loadBalancing = loadBalancing;
    }

    public ArtemisBroker a() {
        return a;
    }

    public ArtemisBroker b() {
        return b;
    }

    /** Creates both instances afresh, starts them and waits until each forwards to the other. */
    public void start() throws Exception {
        Path settings = Path.of(System.getProperty("artemis.settings"));
        AllAtOnce.run(List.of(a, b), ArtemisBroker::url, broker -> broker.create(settings, options(broker)));
        AllAtOnce.run(List.of(a, b), ArtemisBroker::url, ArtemisBroker::start);
        awaitForwarding(a, b);
        awaitForwarding(b, a);
        LOG.info(() -> "broker cluster formed: " + a.url() + " + " + b.url() + ", " + loadBalancing);
    }

    private List<String> options(ArtemisBroker broker) {
        String name = broker == a ? "broker-a" : "broker-b";
        ArtemisBroker other = broker == a ? b : a;
        return List.of("--name", name, "--clustered", "--cluster-user", "portfolio-cluster",
                "--cluster-password", clusterPassword, "--staticCluster", other.url(),
                "--message-load-balancing", loadBalancing, "--max-hops", "1");
    }

    /**
     * Until a message published on {@code from} reaches a subscriber on {@code to}: the bridges are
     * up and {@code to}'s bindings are known on {@code from}.
     */
    private static void awaitForwarding(ArtemisBroker from, ArtemisBroker to) throws Exception {
        try (ActiveMQConnectionFactory sending = factory(from); ActiveMQConnectionFactory receiving = factory(to);
             JMSContext producer = sending.createContext(); JMSContext consumer = receiving.createContext()) {
            Topic topic = consumer.createTopic(CHECK_ADDRESS);
            JMSConsumer subscriber = consumer.createConsumer(topic);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            do {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(from.url() + " does not forward to " + to.url());
                }
                producer.createProducer().send(producer.createTopic(CHECK_ADDRESS), "check");
            } while (subscriber.receive(250) == null);
        }
    }

    /** Pinned to {@code broker}: by default a client spreads its connections over the cluster's topology. */
    static ActiveMQConnectionFactory factory(ArtemisBroker broker) {
        return new ActiveMQConnectionFactory(broker.url() + "?useTopologyForLoadBalancing=false", broker.user(), broker.password());
    }

    /** The consumers on {@code broker}'s queue of that name, or -1 when it has none of that name. */
    public static int consumers(ArtemisBroker broker, String queue) throws Exception {
        ClientSession.QueueQuery query = query(broker, queue);
        return query.isExists() ? query.getConsumerCount() : -1;
    }

    /** The messages in {@code broker}'s queue of that name (0 when it has none of that name). */
    public static long messages(ArtemisBroker broker, String queue) throws Exception {
        ClientSession.QueueQuery query = query(broker, queue);
        return query.isExists() ? query.getMessageCount() : 0;
    }

    private static ClientSession.QueueQuery query(ArtemisBroker broker, String queue) throws Exception {
        try (ServerLocator locator = ActiveMQClient.createServerLocator(broker.url() + "?useTopologyForLoadBalancing=false");
             ClientSessionFactory sessions = locator.createSessionFactory();
             ClientSession session = sessions.createSession(broker.user(), broker.password(), false, true, true, false, 1)) {
            return session.queueQuery(SimpleString.of(queue));
        }
    }

    @Override
    public void close() throws InterruptedException {
        try {
            b.stop();
        } finally {
            a.stop();
        }
    }
}

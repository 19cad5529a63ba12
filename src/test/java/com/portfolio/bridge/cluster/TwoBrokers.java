package com.portfolio.bridge.cluster;

import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * A broker cluster and two test-mode nodes: node 1 attached to broker A, node 2 to broker B, with
 * a Java producer on each broker.
 */
final class TwoBrokers implements AutoCloseable {

    final LocalCluster nodes;
    final BrokerCluster brokers;
    final JavaProducer onA;
    final JavaProducer onB;

    private TwoBrokers(LocalCluster nodes, BrokerCluster brokers) {
        this.nodes = nodes;
        this.brokers = brokers;
        this.onA = new JavaProducer(brokers.a());
        this.onB = new JavaProducer(brokers.b());
    }

    /** Brokers on {@code portOfA} and {@code portOfB}, nodes on {@code basePort + 1} and {@code + 2}. */
    static TwoBrokers start(String name, int portOfA, int portOfB, int basePort, String loadBalancing) throws Exception {
        LocalCluster nodes = new LocalCluster(name, portOfA, basePort, 2).withEnv(ClusterEnv.testNodes())
                .withNodeEnv(2, Map.of("PORTFOLIO_ARTEMIS_BROKERS", "127.0.0.1:" + portOfB));
        BrokerCluster brokers = new BrokerCluster(nodes.broker(), portOfB, loadBalancing);
        try {
            brokers.start();
            nodes.startNodes();
            return new TwoBrokers(nodes, brokers);
        } catch (Exception | Error e) {
            try {
                nodes.close();
            } finally {
                brokers.close();
            }
            throw e;
        }
    }

    LibertyNode node(int number) {
        return nodes.node(number);
    }

    RawSocketClient client(int node, String user) throws Exception {
        return RawSocketClient.connect(nodes.node(node).httpPort(), TestTokens.valid(user));
    }

    /** The {@code deadLetterNode} of each dead letter a reader attached to {@code broker} takes, up to {@code expected}. */
    static List<String> deadLetterNodes(ArtemisBroker broker, int expected, long waitMs) throws Exception {
        List<String> nodes = new ArrayList<>();
        try (ActiveMQConnectionFactory factory = BrokerCluster.factory(broker); JMSContext context = factory.createContext();
             JMSConsumer reader = context.createConsumer(context.createQueue("portfolio.deadletter"))) {
            while (nodes.size() < expected) {
                Message letter = reader.receive(waitMs);
                if (letter == null) {
                    break;
                }
                nodes.add(letter.getStringProperty("deadLetterNode"));
            }
        }
        return nodes;
    }

    @Override
    public void close() throws Exception {
        try {
            onA.close();
            onB.close();
        } finally {
            try {
                nodes.close();
            } finally {
                brokers.close();
            }
        }
    }
}

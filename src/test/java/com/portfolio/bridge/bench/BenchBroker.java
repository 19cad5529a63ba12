package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.ArtemisBroker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.api.core.client.ClientSession;
import org.apache.activemq.artemis.api.core.client.ClientSessionFactory;
import org.apache.activemq.artemis.api.core.client.ServerLocator;

/**
 * The one broker the rounds share, given a clean journal before every round but the first. The
 * bridge node's durable subscriptions (client id its node id) outlive it: left on the broker they
 * would store every event published while the peer runs, and the next bridge round would start
 * with that backlog. A fresh journal and process (rather than deleting those queues) gives every
 * round the same broker: no queue, journal file or warmed-up JVM left by the round before.
 */
final class BenchBroker {

    private static final Logger LOG = Logger.getLogger(BenchBroker.class.getName());
    /** The bridge node's subscriptions (liberty/bus-artemis.xml): queues named clientId.subscriptionName. */
    static final List<String> BRIDGE_SUBSCRIPTIONS = List.of("portfolio-notifications", "portfolio-messages",
            "portfolio-commands");
    /** LocalCluster's id for node 1, the bridge under test. */
    private static final String BRIDGE_NODE_ID = "node-1";

    private final ArtemisBroker broker;

    BenchBroker(ArtemisBroker broker) {
        this.broker = broker;
    }

    ArtemisBroker artemis() {
        return broker;
    }

    /** Stops the broker, deletes its data/ (journal, bindings, paging), starts it again: the same instance, empty. */
    void freshJournal() throws Exception {
        broker.stop();
        Path data = broker.instance().resolve("data");
        if (Files.exists(data)) {
            try (Stream<Path> paths = Files.walk(data)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        broker.start();
    }

    /** The bridge's subscription queues the broker holds now, with their messages; empty when it holds none. */
    Map<String, Long> bridgeQueues() throws Exception {
        Map<String, Long> queues = new LinkedHashMap<>();
        try (ServerLocator locator = ActiveMQClient.createServerLocator(broker.url());
             ClientSessionFactory sessions = locator.createSessionFactory();
             ClientSession session = sessions.createSession(broker.user(), broker.password(), false, true, true, false, 1)) {
            for (String subscription : BRIDGE_SUBSCRIPTIONS) {
                String queue = BRIDGE_NODE_ID + "." + subscription;
                ClientSession.QueueQuery query = session.queueQuery(SimpleString.of(queue));
                if (query.isExists()) {
                    queues.put(queue, query.getMessageCount());
                }
            }
        }
        LOG.info(() -> "the bridge's subscription queues on the broker: " + (queues.isEmpty() ? "none" : queues));
        return queues;
    }
}

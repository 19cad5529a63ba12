package com.portfolio.bridge.cluster;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Logger;

/**
 * The newcomer's two-node setup, {@code mvn -Pcluster package}: a fresh Artemis broker on
 * 127.0.0.1:61616 and bridge nodes node-1 (port 9081) and node-2 (9082) in dev mode, sharing
 * one random HS256 secret so a token from either node's /dev/token works on both. Ctrl-C stops all.
 */
public final class RunCluster {

    private static final Logger LOG = Logger.getLogger(RunCluster.class.getName());

    private RunCluster() {
    }

    public static void main(String[] args) throws Exception {
        LocalCluster cluster = new LocalCluster("local", 61616, 9080, 2).withEnv(Map.of(
                "PORTFOLIO_MODE", "dev",
                "PORTFOLIO_JWT_SECRET", LocalCluster.randomHex(32))).loopbackOnly();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cluster.close();
            } catch (Exception e) {
                LOG.warning(() -> "stopping the cluster: " + e);
            } finally {
                stopped.countDown();
            }
        }));
        cluster.start();
        ArtemisBroker broker = cluster.broker();
        String artemis = System.getProperty("artemis.home") + "/bin/artemis";
        LOG.info(() -> String.join("\n", "",
                "cluster up: broker " + broker.url() + " (user " + broker.user() + ", password " + broker.password() + ")",
                "  node-1 http://localhost:9081   node-2 http://localhost:9082",
                "  token (valid on both): curl 'http://localhost:9081/dev/token?userId=alice'",
                "  publish: " + artemis + " producer --url " + broker.url() + " --user " + broker.user()
                        + " --password " + broker.password() + " --destination topic://portfolio.notifications"
                        + " --message-count 1 --message '{\"userId\":\"alice\",\"title\":\"hi\"}'",
                "  logs: " + cluster.node(1).logs() + ", " + cluster.node(2).logs(),
                "Ctrl-C stops the broker and both nodes."));
        stopped.await();
    }
}

package com.portfolio.bridge.cluster;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A broker and N bridge nodes on this machine, all from the build: what the cluster tests run and
 * what {@code mvn -Pcluster package} starts for a newcomer. The broker listens on loopback; the
 * nodes, laid out as the container image is, on every interface like the image (unless
 * {@link #loopbackOnly()}). Paths come from system properties the build sets (see pom.xml,
 * profile "cluster" and the failsafe configuration).
 */
public final class LocalCluster implements AutoCloseable {

    private final ArtemisBroker broker;
    private final List<LibertyNode> nodes = new ArrayList<>();
    private final List<LibertyNode> extraNodes = new ArrayList<>();
    private final Map<String, String> commonEnv = new HashMap<>();
    private final Map<Integer, Map<String, String>> nodeEnv = new HashMap<>();
    private boolean loopbackOnly;

    /** Node i (from 1) gets id node-i and HTTP port basePort + i. */
    public LocalCluster(String name, int brokerPort, int basePort, int nodeCount) {
        String brokerPassword = randomHex(16);
        Path work = Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolve(name);
        broker = new ArtemisBroker(Path.of(property("artemis.home")), work.resolve("broker"), brokerPort,
                "portfolio", brokerPassword);
        Path wlp = Path.of(property("cluster.wlp.dir"));
        for (int i = 1; i <= nodeCount; i++) {
            nodes.add(new LibertyNode(wlp, name + "-node-" + i, basePort + i));
        }
        commonEnv.put("PORTFOLIO_BUS", "artemis");
        commonEnv.put("PORTFOLIO_ARTEMIS_PORT", String.valueOf(brokerPort));
        commonEnv.put("PORTFOLIO_ARTEMIS_USER", "portfolio");
        commonEnv.put("PORTFOLIO_ARTEMIS_PASSWORD", brokerPassword);
        commonEnv.put("PORTFOLIO_ARTEMIS_RAR", property("artemis.rar"));
    }

    public static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String property(String key) {
        String value = System.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("system property " + key + " is not set (run through Maven)");
        }
        return value;
    }

    /** Settings every node gets (JWT, mode, ...), on top of the bus settings. */
    public LocalCluster withEnv(Map<String, String> env) {
        commonEnv.putAll(env);
        return this;
    }

    /** Settings only node {@code number} gets, on top of the common ones. */
    public LocalCluster withNodeEnv(int number, Map<String, String> env) {
        nodeEnv.computeIfAbsent(number, n -> new HashMap<>()).putAll(env);
        return this;
    }

    /** Settings no node gets from its environment (they come from elsewhere, e.g. files). */
    public LocalCluster withoutEnv(String... names) {
        for (String name : names) {
            commonEnv.remove(name);
        }
        return this;
    }

    /**
     * Nodes listen on loopback only, unlike the image: for the dev-mode cluster, whose token
     * endpoint would otherwise mint tokens for anyone who can reach the machine.
     */
    public LocalCluster loopbackOnly() {
        loopbackOnly = true;
        return this;
    }

    private void prepare(LibertyNode node, Map<String, String> env) throws Exception {
        node.prepare(Path.of(property("cluster.liberty.config")), Path.of(property("cluster.war")), env);
        if (loopbackOnly) {
            node.listenOnLoopbackOnly();
        }
        node.trace(System.getProperty("cluster.trace", ""));
    }

    public ArtemisBroker broker() {
        return broker;
    }

    public LibertyNode node(int number) {
        return nodes.get(number - 1);
    }

    public List<LibertyNode> nodes() {
        return nodes;
    }

    /** Another node on this cluster's broker, prepared (not started), with the given node id; {@link #close} stops it too. */
    public LibertyNode extraNode(String serverName, int httpPort, String nodeId) throws Exception {
        LibertyNode node = new LibertyNode(Path.of(property("cluster.wlp.dir")), serverName, httpPort);
        Map<String, String> env = new HashMap<>(commonEnv);
        env.put("PORTFOLIO_NODE_ID", nodeId);
        prepare(node, env);
        extraNodes.add(node);
        return node;
    }

    /** Creates and starts the broker, then prepares and starts every node (in parallel). */
    public void start() throws Exception {
        startBroker();
        startNodes();
    }

    /** Prepares and starts every node, in parallel, on a broker started elsewhere. */
    public void startNodes() {
        AllAtOnce.run(nodes, LibertyNode::name, node -> startNode(nodes.indexOf(node) + 1));
    }

    /**
     * Stops every node that runs, all at once (one after another, the stops added up: 6 to 20 s
     * each on a busy machine); a failure is logged, since stopping the rest matters more.
     */
    public static void stopAll(List<LibertyNode> nodes) {
        AllAtOnce.run(nodes, LibertyNode::name, node -> {
            try {
                node.stop();
            } catch (Exception e) {
                java.util.logging.Logger.getLogger(LocalCluster.class.getName()).warning(node.name() + " did not stop: " + e);
            }
        });
    }

    /** Creates a fresh broker instance and starts it. */
    public void startBroker() throws Exception {
        broker.create(Path.of(property("artemis.settings")));
        broker.start();
    }

    /** Writes node {@code number}'s server afresh (id node-N) and starts it. */
    public void startNode(int number) throws Exception {
        prepareNode(number);
        node(number).start();
    }

    /** Writes node {@code number}'s server afresh (id node-N), with the settings given so far. */
    public void prepareNode(int number) throws Exception {
        Map<String, String> env = new HashMap<>(commonEnv);
        env.putAll(nodeEnv.getOrDefault(number, Map.of()));
        env.put("PORTFOLIO_NODE_ID", "node-" + number);
        prepare(node(number), env);
    }

    @Override
    public void close() throws Exception {
        List<LibertyNode> all = new ArrayList<>(nodes);
        all.addAll(extraNodes);
        stopAll(all.stream().filter(LibertyNode::prepared).toList());
        broker.stop();
        for (LibertyNode node : nodes) {
            // The cluster's nodes answer /metrics only to an admin: their log says what the sweep found (SweptNothing).
            if (node.prepared() && node.messagesLog().contains("finished by the sweep")) {
                throw new AssertionError(node.name() + "'s backstop sweep finished connections whose close event never came;"
                        + " see " + node.logs().resolve("messages.log"));
            }
        }
    }
}

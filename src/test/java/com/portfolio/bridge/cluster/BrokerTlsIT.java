package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * A broker that takes TLS only and wants a client certificate: a node with the right CA and
 * certificate gets its events, its secrets read from mounted files; a node with the wrong CA, the
 * wrong host name or no certificate stays not ready and names the setting to fix, once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class BrokerTlsIT {

    private static final int BROKER_PORT = 61761;
    private static final Duration START = Duration.ofSeconds(90);
    private static final Duration ASK_EVERY = Duration.ofMillis(250);

    private LocalCluster cluster;
    private TestCertificates certificates;
    private JavaProducer producer;
    private final String jwtSecret = LocalCluster.randomHex(32);
    /** Node 2, 3 and 4 by the setting each gets wrong. */
    private final Map<String, LibertyNode> wrongNodes = new HashMap<>();
    /** Each node's start, begun in {@link #startBrokerAndNodes} (node 1 the right settings, the others each one wrong). */
    private final Map<LibertyNode, CompletableFuture<Void>> starts = new HashMap<>();

    /**
     * The broker, then all four nodes launched at once (a start is mostly waiting): node 1 with the
     * right settings, and three each with one wrong: a wrong CA, a broker address its certificate
     * does not name (it names 127.0.0.1 only), and no client certificate. Each test waits for its
     * own nodes' starts; all four are stopped together at the end.
     */
    @BeforeAll
    void startBrokerAndNodes() throws Exception {
        Map<String, String> env = new HashMap<>(ClusterEnv.testNodes());
        // The socket key comes from a file (below): HS256, so no public key setting.
        env.remove("PORTFOLIO_JWT_PUBLIC_KEY_LOCATION");
        env.put("PORTFOLIO_JWT_ALGORITHMS", "HS256");
        cluster = new LocalCluster("tls", BROKER_PORT, 9360, 4).withEnv(env).withoutEnv("PORTFOLIO_ARTEMIS_PASSWORD");
        Path work = Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolve("tls");
        ArtemisBroker broker = cluster.broker();
        // The broker's instance and the certificates at once (both are JVM starts); TLS goes on the instance after.
        CompletableFuture<Void> created = AllAtOnce.begin(broker, b -> "the broker's instance",
                b -> b.create(Path.of(System.getProperty("artemis.settings"))));
        certificates = TestCertificates.make(work.resolve("certificates"));
        AllAtOnce.join(List.of(created));
        Processes.deleteTree(work.resolve("secrets"));
        broker.acceptOnlyTls(certificates.keyStore("broker"), certificates.trustStore("ca"), certificates.password(),
                certificates.trustStore("ca"), certificates.keyStore("client"));
        broker.start();
        producer = new JavaProducer(broker);

        // The CA as PEM, as a Kubernetes secret or cert-manager mounts it.
        prepareNode(1, Map.of("PORTFOLIO_ARTEMIS_TRUST_STORE", certificates.caPem().toString()));
        Map<String, Map<String, String>> cases = Map.of(
                "PORTFOLIO_ARTEMIS_TRUST_STORE", Map.of("PORTFOLIO_ARTEMIS_TRUST_STORE", certificates.trustStore("other-ca").toString()),
                "PORTFOLIO_ARTEMIS_BROKERS", Map.of("PORTFOLIO_ARTEMIS_BROKERS", "localhost:" + BROKER_PORT),
                "PORTFOLIO_ARTEMIS_KEY_STORE", Map.of("PORTFOLIO_ARTEMIS_KEY_STORE", ""));
        int number = 2;
        for (Map.Entry<String, Map<String, String>> wrong : cases.entrySet()) {
            wrongNodes.put(wrong.getKey(), prepareNode(number++, wrong.getValue()));
        }
        for (LibertyNode node : cluster.nodes()) {
            starts.put(node, AllAtOnce.begin(node, LibertyNode::name, LibertyNode::startServer));
        }
    }

    @AfterAll
    void stop() throws Exception {
        if (producer != null) {
            producer.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void eventsFlowOverMutualTlsWithEverySecretFromAFile() throws Exception {
        LibertyNode node = cluster.node(1);
        AllAtOnce.join(List.of(starts.get(node)));
        node.awaitReady(START);
        assertFalse(Files.readString(node.serverDir().resolve("server.env")).contains(cluster.broker().password()),
                "the broker password is not in server.env");
        String alice = RawSocketClient.unique("alice");
        String token = TestTokens.signWith(TestTokens.claims(alice, 600), "HS256", new HmacKey(jwtSecret.getBytes()), null);
        try (RawSocketClient client = RawSocketClient.connect(node.httpPort(), token)) {
            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(alice, "over-tls"), Map.of());
            TwoNodes.expect(client, "notification:new", "over-tls");
        }
        assertTrue(node.messagesLog().contains("over TLS"), "the adapter says the bus is over TLS");
    }

    /** The three nodes started with one wrong setting each (see {@link #startBrokerAndNodes}). */
    @Test
    @Order(2)
    void eachWrongSettingLeavesItsNodeNotReadyAndIsNamedOnce() throws Exception {
        AllAtOnce.join(wrongNodes.values().stream().map(starts::get).toList());
        for (Map.Entry<String, LibertyNode> node : wrongNodes.entrySet()) {
            assertNamedOnce(node.getValue(), node.getKey());
        }
        // Killed: nothing of their stop is under test, and a `server stop` of a node still failing to
        // reach its broker took 20 to 40 s.
        AllAtOnce.run(List.copyOf(wrongNodes.values()), LibertyNode::name, LibertyNode::kill);
    }

    /** Node {@code number}: TLS settings in its environment (with {@code change}; "" removes), every secret in a mounted directory. */
    private LibertyNode prepareNode(int number, Map<String, String> change) throws Exception {
        Path secrets = Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolve("tls/secrets");
        if (!Files.isDirectory(secrets)) {
            Files.createDirectories(secrets);
            // As Kubernetes and Docker mount them: one file per secret; a trailing newline is tolerated.
            Files.writeString(secrets.resolve("portfolio.artemis.password"), cluster.broker().password() + "\n");
            Files.writeString(secrets.resolve("portfolio.artemis.trust-store-password"), certificates.password());
            Files.writeString(secrets.resolve("portfolio.artemis.key-store-password"), certificates.password());
            Files.writeString(secrets.resolve("portfolio.jwt.secret"), jwtSecret + "\n");
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "VARIABLE_SOURCE_DIRS", secrets.toString(),
                "PORTFOLIO_ARTEMIS_BROKERS", "127.0.0.1:" + BROKER_PORT,
                "PORTFOLIO_ARTEMIS_SSL_ENABLED", "true",
                "PORTFOLIO_ARTEMIS_TRUST_STORE", certificates.trustStore("ca").toString(),
                "PORTFOLIO_ARTEMIS_KEY_STORE", certificates.keyStore("client").toString()));
        env.putAll(change);
        env.values().removeIf(String::isEmpty);
        cluster.withNodeEnv(number, env);
        cluster.prepareNode(number);
        return cluster.node(number);
    }

    private static void assertNamedOnce(LibertyNode node, String setting) throws Exception {
        // Asked four times a second: each question reads the whole log or asks /health, while four nodes start on two cores.
        Await.until(node.name() + " names " + setting, START, ASK_EVERY, () -> node.messagesLogSoFar().contains(setting));
        // Many connection attempts later (4 consumers and the probes, each retrying every second or two):
        // still not ready, the setting named once, and the client's own errors (a stack trace each) not logged.
        // Generous: four nodes start at once, and /health answers only once the application is up.
        Await.until(node.name() + ": many connection attempts", START.multipliedBy(2), ASK_EVERY, () -> quieted(node) >= 20);
        String log = node.messagesLog();
        assertEquals("DOWN", node.readinessStatus(), "not ready: " + setting);
        assertEquals(1, count(log, setting), node.name() + " names " + setting + " once:\n" + log);
        assertTrue(count(log, "\tat ") < 100, node.name() + ": no stack trace per attempt:\n" + log);
    }

    /** The client errors the node did not log; 0 while its application is still starting (no answer, or no bus check yet). */
    private static long quieted(LibertyNode node) {
        try {
            return node.busData().getJsonNumber("quietedClientErrors").longValue();
        } catch (IllegalStateException | java.util.NoSuchElementException e) {
            return 0;
        }
    }

    private static int count(String text, String needle) {
        Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}

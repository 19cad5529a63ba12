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

    private LocalCluster cluster;
    private TestCertificates certificates;
    private JavaProducer producer;
    private final String jwtSecret = LocalCluster.randomHex(32);

    @BeforeAll
    void startBroker() throws Exception {
        Map<String, String> env = new HashMap<>(ClusterEnv.testNodes());
        // The socket key comes from a file (below): HS256, so no public key setting.
        env.remove("PORTFOLIO_JWT_PUBLIC_KEY_LOCATION");
        env.put("PORTFOLIO_JWT_ALGORITHMS", "HS256");
        cluster = new LocalCluster("tls", BROKER_PORT, 9360, 4).withEnv(env).withoutEnv("PORTFOLIO_ARTEMIS_PASSWORD");
        Path work = Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolve("tls");
        certificates = TestCertificates.make(work.resolve("certificates"));
        Processes.deleteTree(work.resolve("secrets"));
        ArtemisBroker broker = cluster.broker();
        broker.create(Path.of(System.getProperty("artemis.settings")));
        broker.acceptOnlyTls(certificates.keyStore("broker"), certificates.trustStore("ca"), certificates.password(),
                certificates.trustStore("ca"), certificates.keyStore("client"));
        broker.start();
        producer = new JavaProducer(broker);
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
        // The CA as PEM, as a Kubernetes secret or cert-manager mounts it.
        LibertyNode node = prepareNode(1, Map.of("PORTFOLIO_ARTEMIS_TRUST_STORE", certificates.caPem().toString()));
        try {
            node.start();
            assertFalse(Files.readString(node.serverDir().resolve("server.env")).contains(cluster.broker().password()),
                    "the broker password is not in server.env");
            String alice = RawSocketClient.unique("alice");
            String token = TestTokens.signWith(TestTokens.claims(alice, 600), "HS256", new HmacKey(jwtSecret.getBytes()), null);
            try (RawSocketClient client = RawSocketClient.connect(node.httpPort(), token)) {
                producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(alice, "over-tls"), Map.of());
                TwoNodes.expect(client, "notification:new", "over-tls");
            }
            assertTrue(node.messagesLog().contains("over TLS"), "the adapter says the bus is over TLS");
        } finally {
            node.stop();
        }
    }

    /**
     * Three nodes at once (each start is mostly waiting): a wrong CA, a broker address its
     * certificate does not name (it names 127.0.0.1 only), and no client certificate.
     */
    @Test
    @Order(2)
    void eachWrongSettingLeavesItsNodeNotReadyAndIsNamedOnce() throws Exception {
        Map<String, Map<String, String>> cases = Map.of(
                "PORTFOLIO_ARTEMIS_TRUST_STORE", Map.of("PORTFOLIO_ARTEMIS_TRUST_STORE", certificates.trustStore("other-ca").toString()),
                "PORTFOLIO_ARTEMIS_BROKERS", Map.of("PORTFOLIO_ARTEMIS_BROKERS", "localhost:" + BROKER_PORT),
                "PORTFOLIO_ARTEMIS_KEY_STORE", Map.of("PORTFOLIO_ARTEMIS_KEY_STORE", ""));
        Map<String, LibertyNode> nodes = new HashMap<>();
        int number = 2;
        for (Map.Entry<String, Map<String, String>> wrong : cases.entrySet()) {
            nodes.put(wrong.getKey(), prepareNode(number++, wrong.getValue()));
        }
        try {
            // In parallel, as LocalCluster starts nodes: one after the other, the last start waits on the first two.
            CompletableFuture.allOf(nodes.values().stream().map(node -> CompletableFuture.runAsync(() -> {
                try {
                    node.startServer();
                } catch (Exception e) {
                    throw new IllegalStateException(node.name() + " did not start", e);
                }
            })).toArray(CompletableFuture[]::new)).join();
            for (Map.Entry<String, LibertyNode> node : nodes.entrySet()) {
                assertNamedOnce(node.getValue(), node.getKey());
            }
        } finally {
            for (LibertyNode node : nodes.values()) {
                node.stop();
            }
        }
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
        Await.until(node.name() + " names " + setting, START, () -> node.messagesLogSoFar().contains(setting));
        // Many connection attempts later (4 consumers and the probes, each retrying every second or two):
        // still not ready, the setting named once, and the client's own errors (a stack trace each) not logged.
        // Generous: three nodes start at once, and /health answers only once the application is up.
        Await.until(node.name() + ": many connection attempts", START.multipliedBy(2), () -> quieted(node) >= 20);
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

package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.ApiClient;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The container image without a container engine: a server assembled from the Dockerfile's own
 * COPY and ENV lines (LibertyNode, ImageLayout) in the build's Liberty, started through its CMD
 * script with nothing but what an operator gives a container — a key, and once the Artemis
 * settings — answers a handshake, is ready and delivers an event. The two servers start at once
 * (a start is mostly waiting); each test waits for its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisabledIfSystemProperty(named = "skipClusterTests", matches = "true")
class ContainerLayoutIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Path WLP = Path.of(System.getProperty("cluster.wlp.dir", "target/liberty/wlp"));
    private static final Path SHARED_RAR = WLP.resolve("usr/shared/resources/artemis/artemis-ra.rar");
    private static final int BROKER_PORT = 61731;

    private final LibertyNode embedded = new LibertyNode(WLP, "image-embedded", 9351);
    private final LibertyNode onArtemis = new LibertyNode(WLP, "image-artemis", 9352);
    private final String password = LocalCluster.randomHex(16);
    private final ArtemisBroker broker = new ArtemisBroker(Path.of(System.getProperty("artemis.home")),
            Path.of(System.getProperty("cluster.work.dir", "target/cluster")).resolve("image/broker"), BROKER_PORT,
            "portfolio", password);
    private CompletableFuture<Void> embeddedStarted;
    private CompletableFuture<Void> onArtemisStarted;

    /** Lays out and starts both servers at once, the broker first for the one on Artemis. */
    @BeforeAll
    void startBoth() throws Exception {
        // Only the layout may put it there: none left from an earlier run.
        Files.deleteIfExists(SHARED_RAR);
        embeddedStarted = AllAtOnce.begin(embedded, LibertyNode::name, node -> {
            prepare(node, ClusterEnv.keys());
            node.start();
        });
        onArtemisStarted = AllAtOnce.begin(onArtemis, LibertyNode::name, node -> {
            broker.create(Path.of(System.getProperty("artemis.settings")));
            broker.start();
            prepare(node, artemisEnv());
            node.start();
        });
    }

    @AfterAll
    void stopBoth() throws Exception {
        try {
            LocalCluster.stopAll(List.of(embedded, onArtemis));
        } finally {
            broker.stop();
        }
    }

    private Map<String, String> artemisEnv() {
        Map<String, String> env = new HashMap<>(ClusterEnv.keys());
        env.putAll(Map.of("PORTFOLIO_BUS", "artemis", "PORTFOLIO_NODE_ID", "image-node",
                "PORTFOLIO_ARTEMIS_HOST", "127.0.0.1", "PORTFOLIO_ARTEMIS_PORT", String.valueOf(BROKER_PORT),
                "PORTFOLIO_ARTEMIS_USER", "portfolio", "PORTFOLIO_ARTEMIS_PASSWORD", password));
        return env;
    }

    @Test
    void onTheEmbeddedBusTheImageRunsInProdModeFromAppsAndDelivers() throws Exception {
        LibertyNode node = embedded;
        assertFalse(ClusterEnv.keys().containsKey("PORTFOLIO_MODE"), "the mode is the image's");
        AllAtOnce.join(List.of(embeddedStarted));
        assertEquals(List.of("prod"), serverEnv(node, "PORTFOLIO_MODE"), "server.env: the Dockerfile's ENV, alone");
        String user = RawSocketClient.unique("image-user");
        try (RawSocketClient client = connect(node, user)) {
            HttpResponse<String> published = ApiClient.call(node.httpPort(), "POST", "/notifications?userId=" + user,
                    ApiClient.service(), "{\"_id\":\"from-the-api\",\"title\":\"t\"}");
            assertEquals(202, published.statusCode(), published.body());
            TwoNodes.expect(client, "notification:new", "from-the-api");
        }
        assertEquals(404, get(node, "/dev/token?userId=x").statusCode(), "no token endpoint outside dev");
        // Nor the dev demo page (DemoPageIT drives it in dev mode), nor its assets.
        for (String path : List.of("/", "/demo/demo.js", "/demo/socket.io.min.js", "/WEB-INF/demo/index.html")) {
            assertEquals(404, get(node, path).statusCode(), path + " outside dev");
        }
        assertEquals(403, get(node, "/metrics").statusCode(), "/metrics is closed unless configured");
        String log = node.messagesLog();
        assertTrue(log.contains("namespace /portfolio ready (mode PROD)"), "the app runs in prod mode");
        assertTrue(Pattern.compile("CWWKO0219I: .*defaultHttpEndpoint.* host \\*.* port 9351").matcher(log).find(),
                "listening on every interface, as docker/container.xml says");
        assertTrue(log.contains("CWWKZ0001I: Application portfolio-bridge started"), "the app in apps/ started");
        assertFalse(log.contains("defaultHttpEndpoint-ssl has been started"), "no HTTPS listener without a keystore");
        assertTrue(Files.isDirectory(node.serverDir().resolve("apps/expanded/portfolio-bridge.war")), "deployed from apps/");
        assertFalse(log.contains("CWWKZ0058I"), "dropins/ is not monitored");
        assertFalse(Files.exists(node.serverDir().resolve("dropins")), "the layout puts nothing in dropins/");
        assertBuiltOnTheBaseImagesRuntime(node);
    }

    @Test
    void onArtemisTheImageFindsItsResourceAdapterWhereTheDockerfilePutsIt() throws Exception {
        LibertyNode node = onArtemis;
        AllAtOnce.join(List.of(onArtemisStarted));
        assertEquals(-1L, Files.mismatch(Path.of(System.getProperty("artemis.rar")), SHARED_RAR), "the build's RAR");
        assertEquals(List.of(), serverEnv(node, "PORTFOLIO_ARTEMIS_RAR"), "no RAR location given");
        assertEquals("image-node", node.busData().getString("node"));
        String user = RawSocketClient.unique("image-user");
        try (RawSocketClient client = connect(node, user); JavaProducer producer = new JavaProducer(broker)) {
            producer.text(JavaProducer.NOTIFICATIONS, TwoNodes.notification(user, "from-artemis"), Map.of());
            TwoNodes.expect(client, "notification:new", "from-artemis");
        }
        assertTrue(node.messagesLog().contains("namespace /portfolio ready (mode PROD)"), "the app runs in prod mode");
    }

    private static void prepare(LibertyNode node, Map<String, String> env) throws Exception {
        node.prepare(Path.of(System.getProperty("cluster.liberty.config")), Path.of(System.getProperty("cluster.war")), env);
    }

    /** A polling handshake (as socket.io-client starts), then a WebSocket CONNECT with a valid token. */
    private static RawSocketClient connect(LibertyNode node, String user) throws Exception {
        assertEquals("UP", node.readinessStatus(), "/health/ready");
        HttpResponse<String> open = get(node, "/socket.io/?EIO=4&transport=polling");
        assertEquals(200, open.statusCode(), open.body());
        assertTrue(open.body().startsWith("0{") && new JSONObject(open.body().substring(1)).has("sid"), open.body());
        RawSocketClient client = RawSocketClient.connect(node.httpPort(), TestTokens.valid(user));
        assertTrue(client.connected(), String.valueOf(client.connectError()));
        assertNull(client.connectError());
        return client;
    }

    /** The image's base tag names the Liberty release and the Java major version the server ran on. */
    private static void assertBuiltOnTheBaseImagesRuntime(LibertyNode node) throws Exception {
        String base = ImageLayout.read(Path.of(System.getProperty("cluster.liberty.config")).getParent()).base();
        Matcher tag = Pattern.compile(":(\\d+(?:\\.\\d+)+)-.*-java(\\d+)-").matcher(base);
        assertTrue(tag.find(), base);
        String log = node.messagesLog();
        assertTrue(log.contains("product = Open Liberty " + tag.group(1) + " "), "Liberty " + tag.group(1) + " ran");
        assertTrue(log.contains("java.version = " + tag.group(2) + "."), "Java " + tag.group(2) + " ran");
    }

    private static List<String> serverEnv(LibertyNode node, String key) throws Exception {
        return Files.readAllLines(node.serverDir().resolve("server.env")).stream()
                .filter(line -> line.startsWith(key + "=")).map(line -> line.substring(key.length() + 1)).toList();
    }

    private static HttpResponse<String> get(LibertyNode node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.httpPort() + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

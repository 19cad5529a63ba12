package com.portfolio.bridge.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The dev demo page at / as a person uses it, in headless Chromium (src/test/js/demo-page.mjs),
 * on one node in dev mode on the embedded bus. That the same WAR outside dev mode has neither the
 * page, its assets nor /dev/token, ContainerLayoutIT checks on the image's prod-mode server
 * (one server start fewer).
 */
@DisabledIfSystemProperty(named = "skipContractTests", matches = "true")
class DemoPageIT {

    private static final int PORT = 9340;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void inDevModeThePageConnectsShowsTheEventsAndTheReasonForABadToken() throws Exception {
        Path screenshot = Path.of(System.getProperty("demo.screenshot"));
        Files.deleteIfExists(screenshot);
        LibertyNode node = node("demo-dev", Map.of("PORTFOLIO_MODE", "dev", "PORTFOLIO_BUS_PROBE_INTERVAL_MS", "1000"));
        node.listenOnLoopbackOnly();
        try {
            node.start();
            HttpResponse<String> page = get("/");
            assertEquals(200, page.statusCode());
            assertEquals("text/html;charset=UTF-8", page.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
            assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(null));
            String policy = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.startsWith("default-src 'none'; script-src 'self';"), policy);
            assertTrue(policy.contains("connect-src 'self' ws://127.0.0.1:" + PORT + " wss://127.0.0.1:" + PORT + ";"), policy);
            assertEquals(200, get("/demo/socket.io.min.js").statusCode(), "the client library, served by the app");
            assertEquals(404, get("/demo/index.html").statusCode(), "only the page's assets under /demo/");

            Path output = screenshot.resolveSibling("demo-page.log");
            Process browser = new ProcessBuilder("node", "demo-page.mjs", "http://127.0.0.1:" + PORT, screenshot.toString())
                    .directory(new File(System.getProperty("it.js.dir")))
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean done = browser.waitFor(2, TimeUnit.MINUTES);
            if (!done) {
                browser.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            String said = Files.readString(output, StandardCharsets.UTF_8);
            assertTrue(done, "demo-page.mjs did not finish in 2 min:\n" + said);
            assertEquals(0, browser.exitValue(), "demo-page.mjs:\n" + said);
            assertTrue(Files.size(screenshot) > 0, "the screenshot for people: " + screenshot);
        } finally {
            node.stop();
        }
    }

    private static LibertyNode node(String name, Map<String, String> env) throws Exception {
        LibertyNode node = new LibertyNode(Path.of(System.getProperty("cluster.wlp.dir")), name, PORT);
        node.prepare(Path.of(System.getProperty("cluster.liberty.config")), Path.of(System.getProperty("cluster.war")), env);
        return node;
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + PORT + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.vocabulary.EventKind;
import com.portfolio.bridge.bus.KeyedLanes;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import jakarta.enterprise.inject.spi.CDI;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: an emit that hangs (past portfolio.health.emit-stuck-ms, 1.5 s here) takes
 * liveness and readiness DOWN, so an orchestrator restarts the node and a load balancer stops
 * sending it clients; both come back UP when it finishes.
 */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void aHangingEmitTakesLivenessAndReadinessDownUntilItEnds() throws Exception {
        Await.until("the node is ready", Duration.ofSeconds(30), () -> status("/health/ready") == 200);
        JSONObject live = check("/health/live", "delivery");
        assertEquals("UP", live.getString("status"));
        assertEquals(0, live.getJSONObject("data").getLong("oldestPendingSendMs"));

        CountDownLatch release = new CountDownLatch(1);
        KeyedLanes lanes = CDI.current().select(KeyedLanes.class).get();
        // A lane runs a task on the submitting thread: hang one that is not the test's.
        Thread hanging = new Thread(() -> lanes.run(EventKind.MESSAGE, "hanging", () -> {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }), "hanging-emit");
        hanging.start();
        try {
            Await.until("liveness is DOWN", Duration.ofSeconds(10), () -> status("/health/live") == 503);
            assertTrue(check("/health/live", "delivery").getJSONObject("data").getLong("longestRunningEmitMs") > 1500);
            assertEquals(503, status("/health/ready"));
            assertTrue(check("/health/ready", "capacity").getJSONObject("data").getBoolean("deliveryWedged"));
        } finally {
            release.countDown();
        }
        Await.until("liveness is UP again", Duration.ofSeconds(10), () -> status("/health/live") == 200);
        Await.until("readiness is UP again", Duration.ofSeconds(10), () -> status("/health/ready") == 200);
    }

    private static int status(String path) {
        try {
            return get(path).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JSONObject check(String path, String name) throws Exception {
        var checks = new JSONObject(get(path).body()).getJSONArray("checks");
        for (int i = 0; i < checks.length(); i++) {
            if (name.equals(checks.getJSONObject(i).getString("name"))) {
                return checks.getJSONObject(i);
            }
        }
        throw new AssertionError("no check " + name + " at " + path);
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Ports.http() + path))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

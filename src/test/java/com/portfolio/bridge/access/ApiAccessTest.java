package com.portfolio.bridge.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real HTTP server on loopback that plays the platform's REST API. */
class ApiAccessTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private HttpServer api;
    private String template;

    @BeforeEach
    void start() throws Exception {
        api = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        api.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        api.createContext("/api/portfolio/conversations/", exchange -> {
            String id = exchange.getRequestURI().getRawPath().substring("/api/portfolio/conversations/".length());
            requests.add(id + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            int status = id.startsWith("forbidden") ? 403 : id.startsWith("missing") ? 404
                    : id.startsWith("broken") ? 500 : id.startsWith("redirect") ? 302 : 200;
            if (id.startsWith("slow")) {
                try {
                    releaseSlow.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        api.start();
        template = "http://127.0.0.1:" + api.getAddress().getPort() + "/api/portfolio/conversations/{conversationId}";
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        api.stop(0);
    }

    private static AccessDecision decide(ApiAccess access, String user, String conversation) throws Exception {
        return access.check(user, "token-of-" + user, conversation).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    @Test
    void mapsTheApisAnswers() throws Exception {
        ApiAccess access = new ApiAccess(template, Duration.ofSeconds(2), Duration.ZERO);
        assertEquals(AccessDecision.ALLOWED, decide(access, "u", "c1"));
        assertEquals(AccessDecision.FORBIDDEN, decide(access, "u", "forbidden-1"));
        assertEquals(AccessDecision.FORBIDDEN, decide(access, "u", "missing-1"));
        assertEquals(AccessDecision.UNAVAILABLE, decide(access, "u", "broken-1"));
        assertEquals(AccessDecision.UNAVAILABLE, decide(access, "u", "redirect-1"));
    }

    @Test
    void forwardsTheUsersOwnToken() throws Exception {
        decide(new ApiAccess(template, Duration.ofSeconds(2), Duration.ZERO), "alice", "c:7");
        assertEquals(List.of("c%3A7 Bearer token-of-alice"), requests);
    }

    @Test
    void aSlowApiIsUnavailableNotAllowed() throws Exception {
        ApiAccess access = new ApiAccess(template, Duration.ofMillis(200), Duration.ZERO);
        assertEquals(AccessDecision.UNAVAILABLE, decide(access, "u", "slow-1"));
    }

    @Test
    void anUnreachableApiIsUnavailable() throws Exception {
        ApiAccess access = new ApiAccess(template, Duration.ofSeconds(1), Duration.ZERO);
        api.stop(0);
        assertEquals(AccessDecision.UNAVAILABLE, decide(access, "u", "c1"));
    }

    @Test
    void answersAreCachedPerUserAndConversationButOutagesAreNot() throws Exception {
        ApiAccess access = new ApiAccess(template, Duration.ofSeconds(2), Duration.ofMinutes(1));
        decide(access, "alice", "c1");
        decide(access, "alice", "c1");
        decide(access, "alice", "forbidden-2");
        assertEquals(AccessDecision.FORBIDDEN, decide(access, "alice", "forbidden-2"));
        decide(access, "bob", "c1");
        decide(access, "alice", "broken-1");
        decide(access, "alice", "broken-1");
        assertEquals(List.of("c1 Bearer token-of-alice", "forbidden-2 Bearer token-of-alice",
                "c1 Bearer token-of-bob", "broken-1 Bearer token-of-alice", "broken-1 Bearer token-of-alice"), requests);
    }

    @Test
    void theUrlMustNameTheConversation() {
        assertThrows(IllegalStateException.class,
                () -> new ApiAccess("http://127.0.0.1/api/conversations", Duration.ofSeconds(1), Duration.ZERO));
    }
}

package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.ApiClient;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwt.NumericDate;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: the backend HTTP API publishes events and commands onto the bus (the right
 * sockets get them), takes service tokens only, and answers every bad request with a problem
 * document naming what is wrong.
 */
@ExtendWith(ArquillianExtension.class)
class BridgeApiIT {

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newHttpClient();

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void publishedNotificationsAndMessagesReachTheRightSocketsOnly() throws Exception {
        String alice = RawSocketClient.unique("api-alice");
        String conversation = RawSocketClient.unique("api-conv");
        try (RawSocketClient aliceSocket = RawSocketClient.connect(Ports.http(), TestTokens.valid(alice));
             RawSocketClient bob = RawSocketClient.connect(Ports.http(), TestTokens.valid(RawSocketClient.unique("api-bob")))) {
            HttpResponse<String> accepted = call("POST", "/notifications?userId=" + alice, ApiClient.service(), "{\"_id\":\"n1\",\"title\":\"hi\"}");
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertTrue(new JSONObject(accepted.body()).getString("id").startsWith("ID:"), accepted.body());
            RawSocketClient.Event event = aliceSocket.nextEvent();
            assertEquals("notification:new", event.name());
            assertEquals("n1", ((JSONObject) event.argument()).getString("_id"));

            assertTrue(bob.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
            assertEquals(202, call("POST", "/messages", ApiClient.service(),
                    "{\"_id\":\"m1\",\"conversationId\":\"" + conversation + "\"}").statusCode());
            assertEquals("m1", ((JSONObject) bob.nextEvent().argument()).getString("_id"));
            assertEquals(0, aliceSocket.pendingEvents() + bob.pendingEvents());
        }
    }

    @Test
    void membershipAndDisconnectActOnEverySocketOfTheUser() throws Exception {
        String carol = RawSocketClient.unique("api-carol");
        String conversation = RawSocketClient.unique("api-room");
        String oldToken = TestTokens.valid(carol);
        RawSocketClient first = RawSocketClient.connect(Ports.http(), oldToken);
        RawSocketClient second = RawSocketClient.connect(Ports.http(), oldToken);

        assertEquals(202, call("PUT", "/conversations/" + conversation + "/members/" + carol, ApiClient.service(), null).statusCode());
        Await.until("both sockets joined", () -> Presence.conversationSockets(conversation) == 2);
        assertEquals(202, call("DELETE", "/conversations/" + conversation + "/members/" + carol, ApiClient.service(), null).statusCode());
        Await.until("both sockets left", () -> Presence.conversationSockets(conversation) == 0);

        long before = NumericDate.now().getValue() - 300;
        assertEquals(202, call("POST", "/users/" + carol + "/disconnect", ApiClient.service(),
                "{\"reason\":\"logout\",\"revokeIssuedBefore\":" + before + "}").statusCode());
        for (RawSocketClient client : List.of(first, second)) {
            assertEquals("41/portfolio,", client.expectControl("41"));
        }
        RawSocketClient again = RawSocketClient.connect(Ports.http(), oldToken);
        assertFalse(again.connected());
        assertEquals("revoked", again.connectError().getJSONObject("data").getString("reason"));
        RawSocketClient fresh = RawSocketClient.connect(Ports.http(),
                TestTokens.custom(carol, claims -> claims.setIssuedAt(NumericDate.fromSeconds(before + 60))));
        assertTrue(fresh.connected());
        for (RawSocketClient client : List.of(first, second, again, fresh)) {
            client.close();
        }
    }

    @Test
    void onlyServiceTokensWithTheScopeAreAccepted() throws Exception {
        String body = "{\"_id\":\"x\",\"userId\":\"nobody\"}";
        assertProblem(call("POST", "/notifications", null, body), 401, null);
        assertProblem(call("POST", "/notifications", "not-a-jwt", body), 401, null);
        assertProblem(call("POST", "/notifications", TestTokens.valid("a-user"), body), 403, null);
        assertProblem(call("POST", "/notifications", TestTokens.custom("svc", c -> c.setStringClaim("scope", "read")), body), 403, null);
        assertEquals(202, call("POST", "/notifications",
                TestTokens.custom("svc", c -> c.setStringListClaim("scp", List.of("bridge"))), body).statusCode(), "scp works too");
    }

    @Test
    void badRequestsGetAProblemDocumentNamingTheField() throws Exception {
        assertProblem(call("POST", "/notifications", ApiClient.service(), "{\"_id\":\"no-user\"}"), 400, "userId");
        assertProblem(call("POST", "/notifications?userId=%20", ApiClient.service(), "{}"), 400, "userId");
        assertProblem(call("POST", "/messages", ApiClient.service(), "[1,2]"), 400, "body");
        assertProblem(call("POST", "/messages?conversationId=a%20b", ApiClient.service(), "{}"), 400, "conversationId");
        assertProblem(call("PUT", "/conversations/a%20b/members/u1", ApiClient.service(), null), 400, "conversationId");
        assertProblem(call("POST", "/users/u1/disconnect", ApiClient.service(), "{\"revokeIssuedBefore\":\"soon\"}"), 400, "revokeIssuedBefore");
        assertProblem(call("POST", "/users/u1/disconnect", ApiClient.service(), "{\"reason\":\"x\",}"), 400, "body");
        assertProblem(call("POST", "/nowhere", ApiClient.service(), "{}"), 404, null);
        HttpResponse<String> wrongMethod = call("GET", "/notifications", ApiClient.service(), null);
        assertProblem(wrongMethod, 405, null);
        assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("POST"), wrongMethod.headers().map().toString());
        assertProblem(call("POST", "/notifications?userId=u1", ApiClient.service(), "{\"pad\":\"" + "x".repeat(1_100_000) + "\"}"), 413, "body");
    }

    @Test
    void theOpenApiDocumentDescribesEveryCallWithExamples() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + Ports.http() + "/openapi?format=JSON")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        JSONObject paths = new JSONObject(response.body()).getJSONObject("paths");
        for (String path : List.of("/api/bridge/v1/notifications", "/api/bridge/v1/messages",
                "/api/bridge/v1/conversations/{conversationId}/members/{userId}", "/api/bridge/v1/users/{userId}/disconnect")) {
            assertTrue(paths.has(path), path + " in " + paths.keySet());
        }
        assertTrue(response.body().contains("Invoice paid"), "the examples are in it");
        assertTrue(response.body().contains("serviceToken"), "the security scheme is in it");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String field) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JSONObject problem = new JSONObject(response.body());
        assertEquals(status, problem.getInt("status"));
        if (field != null) {
            assertEquals(field, problem.getString("field"), response.body());
        }
    }

    private static HttpResponse<String> call(String method, String path, String token, String body) throws Exception {
        return ApiClient.call(Ports.http(), method, path, token, body);
    }
}

package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.ApiClient;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: who is online, through the API, and the presence events a backend subscribes to
 * on jms/portfolio/Presence — one user.online for the first socket, one user.offline after the
 * grace (1.5 s in the test server) once the last is gone, nothing for a brief reconnect.
 */
@ExtendWith(ArquillianExtension.class)
class PresenceIT {

    private static final long GRACE_MS = 1_500;
    private static final Duration SOON = Duration.ofSeconds(10);

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void theApiSeesSocketsAndRoomsAndBackendsGetOneEventPerTransition() throws Exception {
        String alice = RawSocketClient.unique("presence-alice");
        String conversation = RawSocketClient.unique("presence-conv");
        Topic presence = BusPublisher.lookup(BusPublisher.PRESENCE);
        try (JMSContext context = BusPublisher.connectionFactory().createContext();
             JMSConsumer events = context.createConsumer(presence, "userId = '" + alice + "'")) {
            assertEquals(new JSONObject().put("userId", alice).put("online", false).put("sockets", 0).put("nodes", List.of()).toString(),
                    ApiClient.get(Ports.http(), "/users/" + alice).toString());
            Instant before = Instant.now();
            RawSocketClient phone = RawSocketClient.connect(Ports.http(), TestTokens.valid(alice));
            JSONObject online = next(events, "user.online", alice);
            assertTrue(!Instant.parse(online.getString("at")).isBefore(before.minusMillis(1)), online.toString());

            RawSocketClient laptop = RawSocketClient.connect(Ports.http(), TestTokens.valid(alice));
            assertTrue(laptop.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
            JSONObject user = ApiClient.get(Ports.http(), "/users/" + alice);
            assertEquals(2, user.getInt("sockets"), user.toString());
            assertTrue(user.getBoolean("online"));
            assertEquals(1, user.getJSONArray("nodes").length());
            Await.until("the room shows the laptop", SOON, () -> ApiClient.get(Ports.http(), "/conversations/" + conversation)
                    .toString().equals(new JSONObject().put("conversationId", conversation).put("sockets", 1)
                            .put("users", List.of(alice)).toString()));

            phone.close();
            laptop.close();
            Await.until("the API sees alice gone", SOON, () -> !ApiClient.get(Ports.http(), "/users/" + alice).getBoolean("online"));
            assertEquals(0, ApiClient.get(Ports.http(), "/conversations/" + conversation).getInt("sockets"));
            next(events, "user.offline", alice);
            assertNull(events.receive(GRACE_MS + 1_000), "one user.offline, and no second socket's user.online before it");

            // Back after the grace: online again. Then a reconnect within the grace: no pair.
            RawSocketClient again = RawSocketClient.connect(Ports.http(), TestTokens.valid(alice));
            next(events, "user.online", alice);
            again.close();
            Await.until("the API sees alice gone", SOON, () -> !ApiClient.get(Ports.http(), "/users/" + alice).getBoolean("online"));
            try (RawSocketClient back = RawSocketClient.connect(Ports.http(), TestTokens.valid(alice))) {
                assertNull(events.receive(GRACE_MS + 1_000), "a reconnect within the grace makes no offline/online pair");
            }
            next(events, "user.offline", alice);
        }
    }

    @Test
    void badIdsAreProblemsAndTheCallsNeedAServiceToken() throws Exception {
        assertEquals(400, ApiClient.call(Ports.http(), "GET", "/conversations/a%20b", ApiClient.service(), null).statusCode());
        assertEquals(400, ApiClient.call(Ports.http(), "GET", "/users/%20", ApiClient.service(), null).statusCode());
        assertEquals(401, ApiClient.call(Ports.http(), "GET", "/users/alice", null, null).statusCode());
        assertEquals(403, ApiClient.call(Ports.http(), "GET", "/users/alice", TestTokens.valid("alice"), null).statusCode());
        assertEquals(405, ApiClient.call(Ports.http(), "POST", "/users/alice", ApiClient.service(), "{}").statusCode());
    }

    private static JSONObject next(JMSConsumer events, String type, String userId) throws Exception {
        TextMessage message = (TextMessage) events.receive(GRACE_MS + 10_000);
        assertNotNull(message, "no " + type + " within the grace + 10 s");
        JSONObject event = new JSONObject(message.getText());
        assertEquals(type, event.getString("type"), event.toString());
        assertEquals(userId, event.getString("userId"));
        assertEquals(type, message.getStringProperty("type"));
        return event;
    }
}

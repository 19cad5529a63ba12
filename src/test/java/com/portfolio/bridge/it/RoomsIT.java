package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deliver;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.Scrape;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.enterprise.inject.spi.CDI;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: a socket's rooms follow connect, join, leave and disconnect, as a backend sees
 * them (GET /users, /conversations) and as the socket does (which events reach it).
 */
@ExtendWith(ArquillianExtension.class)
class RoomsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void connectedSocketIsInItsUserRoom() throws Exception {
        String user = RawSocketClient.unique("rooms");
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid(user))) {
            assertTrue(socket.connected());
            assertEquals(1, Presence.userSockets(user));
            Deliver.notification(user, "{\"n\":1}");
            RawSocketClient.Event event = socket.nextEvent();
            assertEquals("notification:new", event.name());
            assertEquals(1, ((JSONObject) event.argument()).getInt("n"));
        }
    }

    @Test
    void joinLeaveAndDisconnectUpdateRooms() throws Exception {
        double socketsBefore = sockets();
        String conversation = RawSocketClient.unique("c");
        String user = RawSocketClient.unique("u");
        RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));

        assertEquals(1, Presence.userSockets(user));
        assertTrue(ok(socket.emitWithAck("join-conversation", conversation).getJSONObject(0)));
        assertEquals(List.of(user), Presence.conversationUsers(conversation));
        assertEquals(1, Presence.conversationSockets(conversation));
        Deliver.message(conversation, "{\"n\":1}");
        assertEquals(1, ((JSONObject) socket.nextEvent().argument()).getInt("n"));

        assertTrue(ok(socket.emitWithAck("leave-conversation", conversation).getJSONObject(0)));
        assertEquals(0, Presence.conversationSockets(conversation));
        Deliver.Tally tally = Deliver.tally(EventKind.MESSAGE);
        Deliver.message(conversation, "{\"n\":2}");
        assertEquals(0, tally.frames(1), "the room is empty");
        assertEquals(0, socket.pendingEvents());

        assertTrue(ok(socket.emitWithAck("join-conversation", conversation).getJSONObject(0)));
        socket.abort();
        Await.until("the dropped socket's rooms are gone",
                () -> Presence.conversationSockets(conversation) == 0 && Presence.userSockets(user) == 0);
        Await.until("the socket count is back to baseline", () -> sockets() <= socketsBefore);
    }

    @Test
    void badConversationIdsAreRefusedWithAReason() throws Exception {
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid("ids"))) {
            assertEquals("conversation id must not be empty",
                    socket.emitWithAck("join-conversation", "").getJSONObject(0).getString("error"));
            assertEquals("conversation id must be a string or an integer",
                    socket.emitWithAck("join-conversation", new JSONObject()).getJSONObject(0).getString("error"));
            assertFalse(ok(socket.emitWithAck("join-conversation", "x".repeat(129)).getJSONObject(0)));
            assertFalse(ok(socket.emitWithAck("join-conversation", "a/b").getJSONObject(0)));
            assertTrue(ok(socket.emitWithAck("join-conversation", 42).getJSONObject(0)));
            assertEquals(1, Presence.conversationSockets("42"));
        }
    }

    /** Refused CONNECTs join no room and hold none of the user's slots: its whole limit still connects. */
    @Test
    void refusedTokensLeaveNothingBehind() throws Exception {
        String user = RawSocketClient.unique("late");
        int perUser = CDI.current().select(BridgeConfig.class).get().limits().socketsPerUser();
        List<RawSocketClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < perUser; i++) {
                RawSocketClient expired = RawSocketClient.connect(Ports.http(), TestTokens.expired(user));
                clients.add(expired);
                assertFalse(expired.connected());
                assertEquals("unauthorized", expired.connectError().getString("message"));
                assertEquals("expired", expired.connectError().getJSONObject("data").getString("reason"));
            }
            RawSocketClient missing = RawSocketClient.connect(Ports.http(), null);
            clients.add(missing);
            assertEquals("missing", missing.connectError().getJSONObject("data").getString("reason"));
            assertEquals(0, Presence.userSockets(user));

            for (int i = 0; i < perUser; i++) {
                RawSocketClient valid = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
                clients.add(valid);
                assertTrue(valid.connected(), "socket " + i + " of the limit: " + valid.connectError());
            }
        } finally {
            clients.forEach(RawSocketClient::abort);
        }
    }

    /** The sockets connected, as /metrics counts them. */
    private static double sockets() {
        Scrape scrape = Scrape.now();
        return scrape.value("portfolio_sockets", "transport", "websocket") + scrape.value("portfolio_sockets", "transport", "polling");
    }

    private static boolean ok(JSONObject ack) {
        return ack.getBoolean("ok");
    }
}

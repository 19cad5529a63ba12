package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.realtime.PortfolioNamespace;
import jakarta.enterprise.inject.spi.CDI;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the server: the singleton's rooms follow connect, join, leave and disconnect. */
@ExtendWith(ArquillianExtension.class)
class RoomsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    private static PortfolioNamespace namespace() {
        return CDI.current().select(PortfolioNamespace.class).get();
    }

    @Test
    void connectedSocketIsInItsUserRoom() throws Exception {
        String user = RawSocketClient.unique("rooms");
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid(user))) {
            assertTrue(socket.connected());
            assertTrue(namespace().roomsOf(socket.socketId()).contains("portfolio-user-" + user));
            assertEquals(1, namespace().roomSize("portfolio-user-" + user));
        }
    }

    @Test
    void joinLeaveAndDisconnectUpdateRooms() throws Exception {
        int socketsBefore = namespace().connectedSockets();
        String conversation = RawSocketClient.unique("c");
        String room = "portfolio-conversation-" + conversation;
        String user = RawSocketClient.unique("u");
        RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));

        assertTrue(namespace().roomsOf(socket.socketId()).contains("portfolio-user-" + user));
        assertTrue(ok(socket.emitWithAck("join-conversation", conversation).getJSONObject(0)));
        assertEquals(1, namespace().roomSize(room));
        assertTrue(namespace().roomsOf(socket.socketId()).contains(room));

        assertTrue(ok(socket.emitWithAck("leave-conversation", conversation).getJSONObject(0)));
        assertEquals(0, namespace().roomSize(room));
        assertFalse(namespace().roomsOf(socket.socketId()).contains(room));

        assertTrue(ok(socket.emitWithAck("join-conversation", conversation).getJSONObject(0)));
        socket.abort();
        Await.until("the dropped socket's rooms are gone", () -> namespace().roomsOf(socket.socketId()).isEmpty());
        assertEquals(0, namespace().roomSize(room));
        assertEquals(0, namespace().roomSize("portfolio-user-" + user));
        Await.until("the socket count is back to baseline", () -> namespace().connectedSockets() <= socketsBefore);
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
            assertEquals(1, namespace().roomSize("portfolio-conversation-42"));
        }
    }

    @Test
    void refusedTokensLeaveNothingBehind() throws Exception {
        int admittedBefore = namespace().admittedConnections();
        try (RawSocketClient expired = RawSocketClient.connect(Ports.http(), TestTokens.expired("late"));
             RawSocketClient missing = RawSocketClient.connect(Ports.http(), null)) {
            assertFalse(expired.connected());
            assertEquals("unauthorized", expired.connectError().getString("message"));
            assertEquals("expired", expired.connectError().getJSONObject("data").getString("reason"));
            assertEquals("missing", missing.connectError().getJSONObject("data").getString("reason"));
            assertEquals(admittedBefore, namespace().admittedConnections());
        }
    }

    private static boolean ok(JSONObject ack) {
        return ack.getBoolean("ok");
    }
}

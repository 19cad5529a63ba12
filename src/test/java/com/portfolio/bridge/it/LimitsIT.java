package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the server: the default limits hold, with clear errors, and free up again. */
@ExtendWith(ArquillianExtension.class)
class LimitsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void aUserHoldsAtMostTwentySockets() throws Exception {
        String user = RawSocketClient.unique("many");
        List<RawSocketClient> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                sockets.add(RawSocketClient.connect(Ports.http(), TestTokens.valid(user)));
                assertTrue(sockets.get(i).connected(), "socket " + i);
            }
            RawSocketClient refused = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
            sockets.add(refused);
            assertFalse(refused.connected());
            assertEquals("too many connections", refused.connectError().getString("message"));
            assertEquals("too_many_sockets", refused.connectError().getJSONObject("data").getString("reason"));

            sockets.remove(0).abort();
            Await.until("a slot is free again", () -> Presence.userSockets(user) == 19);
            RawSocketClient again = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
            sockets.add(again);
            assertTrue(again.connected(), String.valueOf(again.connectError()));
            assertEquals(20, Presence.userSockets(user));
        } finally {
            sockets.forEach(RawSocketClient::abort);
        }
    }

    @Test
    void aSocketJoinsAtMostOneHundredConversations() throws Exception {
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid("joiner"))) {
            for (int i = 0; i < 100; i++) {
                assertTrue(socket.emitWithAck("join-conversation", "c" + i).getJSONObject(0).getBoolean("ok"));
            }
            JSONObject refused = socket.emitWithAck("join-conversation", "c100").getJSONObject(0);
            assertFalse(refused.getBoolean("ok"));
            assertEquals("too many conversations: at most 100 per socket", refused.getString("error"));
            assertTrue(socket.emitWithAck("join-conversation", "c5").getJSONObject(0).getBoolean("ok"),
                    "joining a room it is already in is fine");
            assertTrue(socket.emitWithAck("leave-conversation", "c0").getJSONObject(0).getBoolean("ok"));
            assertTrue(socket.emitWithAck("join-conversation", "c100").getJSONObject(0).getBoolean("ok"));
        }
    }

    @Test
    void aSocketEndsWhenItsTokenExpires() throws Exception {
        String user = RawSocketClient.unique("brief");
        String conversation = RawSocketClient.unique("brief-room");
        RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.expiringIn(user, 2));
        assertTrue(socket.connected());
        assertTrue(socket.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
        assertEquals("41/portfolio,", socket.expectControl("41"), "the server disconnects the socket");
        Await.until("its rooms are gone",
                () -> Presence.userSockets(user) == 0 && Presence.conversationSockets(conversation) == 0);
        socket.abort();
    }
}

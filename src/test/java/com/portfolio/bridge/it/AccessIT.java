package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.ConversationsApiServlet;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the server, with portfolio.access.mode=api: joins follow the platform API's answer. */
@ExtendWith(ArquillianExtension.class)
class AccessIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    private static JSONObject join(RawSocketClient socket, String id) throws Exception {
        return socket.emitWithAck("join-conversation", id).getJSONObject(0);
    }

    @Test
    void joinsFollowTheApi() throws Exception {
        String token = TestTokens.valid("api-user");
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), token)) {
            String allowed = RawSocketClient.unique("open");
            assertTrue(join(socket, allowed).getBoolean("ok"));
            assertEquals("Bearer " + token, ConversationsApiServlet.LAST_AUTHORIZATION.get(allowed),
                    "the user's own token is forwarded");
            assertEquals(1, Presence.conversationSockets(allowed));

            for (String[] refused : new String[][] {{"forbidden", "forbidden"}, {"missing", "forbidden"},
                    {"broken", "unavailable"}}) {
                String id = RawSocketClient.unique(refused[0]);
                JSONObject answer = join(socket, id);
                assertEquals(false, answer.getBoolean("ok"), id);
                assertEquals(refused[1], answer.getString("error"), id);
                assertEquals(0, Presence.conversationSockets(id), id);
            }
        }
    }

    @Test
    void requestsOfOneSocketStayInOrder() throws Exception {
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid("ordered"))) {
            String id = RawSocketClient.unique("seq");
            socket.send("42/portfolio,[\"join-conversation\",\"" + id + "\"]");
            assertTrue(socket.emitWithAck("leave-conversation", id).getJSONObject(0).getBoolean("ok"));
            assertEquals(0, Presence.conversationSockets(id),
                    "the leave ran after the join's API check, not before");
        }
    }
}

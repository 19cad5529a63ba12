package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.bus.DeadLetters;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Deliver;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.Presence;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.TestTokens;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jose4j.jwt.NumericDate;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the server: a backend's commands on the commands topic (join, leave, disconnect with
 * revocation) act on every socket of the user, and bad commands are dead-lettered with a reason.
 */
@ExtendWith(ArquillianExtension.class)
class CommandsIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void joinAndLeaveActOnEverySocketOfTheUserAndOnNoLaterOne() throws Exception {
        String user = RawSocketClient.unique("cmd-user");
        String conversation = RawSocketClient.unique("cmd-conv");
        RawSocketClient first = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
        RawSocketClient second = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
        RawSocketClient other = RawSocketClient.connect(Ports.http(), TestTokens.valid(RawSocketClient.unique("cmd-other")));

        command(new JSONObject().put("op", "join").put("userId", user).put("conversationId", conversation));
        Await.until("both sockets of the user are in the conversation", () -> Presence.conversationSockets(conversation) == 2);
        RawSocketClient later = RawSocketClient.connect(Ports.http(), TestTokens.valid(user));
        Deliver.Tally tally = Deliver.tally(EventKind.MESSAGE);
        Deliver.message(conversation, "{\"n\":1}");
        assertEquals(2, tally.frames(1), "the later socket is not in it");
        for (RawSocketClient client : List.of(first, second)) {
            assertEquals(1, ((JSONObject) client.nextEvent().argument()).getInt("n"));
        }

        command(new JSONObject().put("op", "leave").put("userId", user).put("conversationId", conversation));
        Await.until("the user's sockets left the conversation", () -> Presence.conversationSockets(conversation) == 0);
        tally = Deliver.tally(EventKind.MESSAGE);
        Deliver.message(conversation, "{\"n\":2}");
        assertEquals(0, tally.frames(1));
        assertEquals(0, first.pendingEvents() + second.pendingEvents() + other.pendingEvents() + later.pendingEvents());
        for (RawSocketClient client : List.of(first, second, other, later)) {
            client.close();
        }
    }

    @Test
    void disconnectEndsEverySocketOfTheUserAndRevokesItsOlderTokens() throws Exception {
        String user = RawSocketClient.unique("cmd-banned");
        String oldToken = TestTokens.valid(user); // issued 600 s ago
        RawSocketClient first = RawSocketClient.connect(Ports.http(), oldToken);
        RawSocketClient second = RawSocketClient.connect(Ports.http(), oldToken);
        RawSocketClient other = RawSocketClient.connect(Ports.http(), TestTokens.valid(RawSocketClient.unique("cmd-bystander")));

        long revokeBefore = NumericDate.now().getValue() - 300;
        command(new JSONObject().put("op", "disconnect").put("userId", user).put("reason", "banned")
                .put("revokeIssuedBefore", revokeBefore));
        for (RawSocketClient client : List.of(first, second)) {
            assertEquals("41/portfolio,", client.expectControl("41"), "io server disconnect");
        }
        assertTrue(other.emitWithAck("join-conversation", "still-here").getJSONObject(0).getBoolean("ok"),
                "another user's socket is untouched");

        RawSocketClient again = RawSocketClient.connect(Ports.http(), oldToken);
        assertFalse(again.connected());
        assertEquals("revoked", again.connectError().getJSONObject("data").getString("reason"));
        String fresh = TestTokens.custom(user, claims -> claims.setIssuedAt(NumericDate.fromSeconds(revokeBefore + 60)));
        RawSocketClient renewed = RawSocketClient.connect(Ports.http(), fresh);
        assertTrue(renewed.connected(), "a token issued after the revocation connects");
        for (RawSocketClient client : List.of(first, second, other, again, renewed)) {
            client.close();
        }
    }

    @Test
    void badCommandsAreDeadLetteredWithTheirReason() throws Exception {
        assertDeadLettered("{\"op\":\"explode\",\"userId\":\"u1\"}", "op must be join, leave or disconnect");
        assertDeadLettered("{\"op\":\"join\",\"userId\":\"u1\"}", "conversationId is required");
        assertDeadLettered("{\"op\":\"leave\",\"conversationId\":\"c1\"}", "userId is required");
        assertDeadLettered("{\"op\":\"disconnect\",\"userId\":\"u1\",\"revokeIssuedBefore\":\"yesterday\"}",
                "revokeIssuedBefore must be epoch seconds or \"now\"");
        assertDeadLettered("[\"join\"]", "body is JSON array, expected a JSON object");
    }

    private static void command(JSONObject command) throws Exception {
        BusPublisher.text(BusPublisher.COMMANDS, command.toString(), Map.of());
    }

    private static void assertDeadLettered(String body, String reasonStart) throws Exception {
        String marker = RawSocketClient.unique("bad-command");
        BusPublisher.text(BusPublisher.COMMANDS, body, Map.of("marker", marker));
        Queue queue = BusPublisher.lookup(BusPublisher.DEAD_LETTER);
        try (JMSContext context = BusPublisher.connectionFactory().createContext();
             JMSConsumer consumer = context.createConsumer(queue, "marker = '" + marker + "'")) {
            Message dead = consumer.receive(10_000);
            assertNotNull(dead, "no dead letter within 10 s for " + body);
            String reason = dead.getStringProperty(DeadLetters.REASON);
            assertTrue(reason.startsWith(reasonStart), reason);
            assertEquals("command", dead.getStringProperty(DeadLetters.KIND));
        }
    }
}

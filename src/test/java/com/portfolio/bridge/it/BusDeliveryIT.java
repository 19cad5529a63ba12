package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.FailOnceEventIntake;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.RawSocketClient.Event;
import com.portfolio.bridge.it.support.TestTokens;
import jakarta.jms.BytesMessage;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** In the server: events published to the real JMS topics reach exactly the right sockets. */
@ExtendWith(ArquillianExtension.class)
class BusDeliveryIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void notificationReachesOnlyItsUser() throws Exception {
        String alice = RawSocketClient.unique("alice");
        String bob = RawSocketClient.unique("bob");
        try (RawSocketClient aliceSocket = RawSocketClient.connect(Ports.http(), TestTokens.valid(alice));
             RawSocketClient bobSocket = RawSocketClient.connect(Ports.http(), TestTokens.valid(bob))) {
            String document = "{\"_id\":\"n1\",\"userId\":\"" + alice + "\",\"title\":\"Price alert\",\"n\":1.50}";
            BusPublisher.text(BusPublisher.NOTIFICATIONS, document, Map.of());

            Event received = aliceSocket.nextEvent();
            assertEquals("notification:new", received.name());
            assertEquals(new JSONObject(document).toMap(), ((JSONObject) received.argument()).toMap());
            assertNothingPendingAfterRoundTrip(bobSocket);
        }
    }

    @Test
    void messageReachesOnlyConversationMembers() throws Exception {
        String conversation = RawSocketClient.unique("conv");
        try (RawSocketClient member = RawSocketClient.connect(Ports.http(), TestTokens.valid(RawSocketClient.unique("m")));
             RawSocketClient outsider = RawSocketClient.connect(Ports.http(), TestTokens.valid(RawSocketClient.unique("o")))) {
            assertEquals(true, member.emitWithAck("join-conversation", conversation).getJSONObject(0).get("ok"));
            String document = "{\"_id\":\"m1\",\"text\":\"hi\",\"createdAt\":\"2026-11-24T06:00:00Z\"}";
            BusPublisher.text(BusPublisher.MESSAGES, document, Map.of("conversationId", conversation));

            Event received = member.nextEvent();
            assertEquals("message:new", received.name());
            assertEquals(new JSONObject(document).toMap(), ((JSONObject) received.argument()).toMap());
            assertNothingPendingAfterRoundTrip(outsider);
        }
    }

    @Test
    void bytesMessageWithUtf8JsonIsDelivered() throws Exception {
        String user = RawSocketClient.unique("bytes");
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid(user))) {
            String document = "{\"userId\":\"" + user + "\",\"title\":\"Zürich ✓\"}";
            BusPublisher.send(BusPublisher.NOTIFICATIONS, context -> {
                BytesMessage message = context.createBytesMessage();
                try {
                    message.writeBytes(document.getBytes(StandardCharsets.UTF_8));
                } catch (jakarta.jms.JMSException e) {
                    throw new IllegalStateException(e);
                }
                return message;
            }, Map.of());

            Event received = socket.nextEvent();
            assertEquals("Zürich ✓", ((JSONObject) received.argument()).getString("title"));
        }
    }

    @Test
    void aFailureInsideTheContainerRollsBackAndTheEventIsRedelivered() throws Exception {
        String user = RawSocketClient.unique("retry");
        String attempt = RawSocketClient.unique("attempt");
        try (RawSocketClient socket = RawSocketClient.connect(Ports.http(), TestTokens.valid(user))) {
            String document = "{\"_id\":\"n-retry\",\"userId\":\"" + user + "\"}";
            BusPublisher.text(BusPublisher.NOTIFICATIONS, document, Map.of(FailOnceEventIntake.FAIL_ONCE, attempt));

            Event received = socket.nextEvent();
            assertEquals(new JSONObject(document).toMap(), ((JSONObject) received.argument()).toMap());
            assertEquals(2, FailOnceEventIntake.DELIVERIES.get(attempt), "failed once, then delivered again");
            assertNothingPendingAfterRoundTrip(socket);
        }
    }

    /** The server writes to one connection in order: if an event were queued, it would come before the ack. */
    static void assertNothingPendingAfterRoundTrip(RawSocketClient socket) throws Exception {
        JSONArray ack = socket.emitWithAck("join-conversation", "barrier");
        assertTrue(ack.getJSONObject(0).getBoolean("ok"));
        assertEquals(0, socket.pendingEvents(), "socket received an event meant for someone else");
    }
}

package com.portfolio.bridge.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.it.support.ApiClient;
import com.portfolio.bridge.it.support.Await;
import com.portfolio.bridge.it.support.BusPublisher;
import com.portfolio.bridge.it.support.Deployments;
import com.portfolio.bridge.it.support.Ports;
import com.portfolio.bridge.it.support.RawSocketClient;
import com.portfolio.bridge.it.support.Scrape;
import com.portfolio.bridge.it.support.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * /metrics in Prometheus text, read the way Prometheus reads it: after a known number of
 * connects, refusals, joins, events, poison events and API calls, each series moved by exactly
 * that much, the latency histograms counted each event once, and no label names a user or room.
 */
@ExtendWith(ArquillianExtension.class)
class MetricsIT {

    private static final int NOTIFICATIONS = 4;
    private static final int MESSAGES = 3;
    private static final int MEMBERS = 2;

    @Deployment
    static WebArchive deployment() {
        return Deployments.bridge();
    }

    @Test
    void countersMoveByExactlyWhatHappened() throws Exception {
        String alice = RawSocketClient.unique("metrics-alice");
        String conversation = RawSocketClient.unique("metrics-conv");
        Scrape before = Scrape.of(Ports.http());
        List<RawSocketClient> clients = new ArrayList<>();
        try {
            clients.add(RawSocketClient.connect(Ports.http(), TestTokens.valid(alice)));
            for (int i = 0; i < MEMBERS; i++) {
                RawSocketClient member = RawSocketClient.connect(Ports.http(), TestTokens.valid(RawSocketClient.unique("metrics-m")));
                assertTrue(member.emitWithAck("join-conversation", conversation).getJSONObject(0).getBoolean("ok"));
                clients.add(member);
            }
            String token = TestTokens.valid(alice);
            try (RawSocketClient forged = RawSocketClient.connect(Ports.http(), token.substring(0, token.length() - 4) + "AAAA");
                 RawSocketClient expired = RawSocketClient.connect(Ports.http(), TestTokens.expired(alice))) {
                assertFalse(forged.connected() || expired.connected());
            }
            Scrape connected = Scrape.of(Ports.http());
            assertEquals(1 + MEMBERS, delta(before, connected, "portfolio_sockets", "transport", "websocket"));
            assertEquals(1 + MEMBERS, delta(before, connected, "portfolio_connects_total"));
            assertEquals(1, delta(before, connected, "portfolio_connect_errors_total", "reason", "signature"));
            assertEquals(1, delta(before, connected, "portfolio_connect_errors_total", "reason", "expired"));
            assertEquals(MEMBERS, delta(before, connected, "portfolio_conversation_joins_total"));

            for (int n = 0; n < NOTIFICATIONS; n++) {
                BusPublisher.text(BusPublisher.NOTIFICATIONS, "{\"n\":" + n + "}", Map.of("userId", alice));
            }
            for (int n = 0; n < MESSAGES; n++) {
                BusPublisher.text(BusPublisher.MESSAGES, "{\"n\":" + n + "}", Map.of("conversationId", conversation));
            }
            BusPublisher.text(BusPublisher.NOTIFICATIONS, "not json", Map.of("userId", alice));
            for (int n = 0; n < NOTIFICATIONS; n++) {
                assertEquals("notification:new", clients.get(0).nextEvent().name());
            }
            for (RawSocketClient member : clients.subList(1, clients.size())) {
                for (int n = 0; n < MESSAGES; n++) {
                    assertEquals("message:new", member.nextEvent().name());
                }
            }
            assertEquals(202, ApiClient.call(Ports.http(), "POST", "/notifications?userId=" + alice, ApiClient.service(), "{\"n\":99}").statusCode());
            assertEquals(401, ApiClient.call(Ports.http(), "POST", "/notifications?userId=" + alice, "not-a-token", "{}").statusCode());
            assertEquals("notification:new", clients.get(0).nextEvent().name());
            Await.until("the poison event is dead-lettered",
                    () -> delta(before, scrape(), "portfolio_events_dead_lettered_total", "kind", "notification") == 1);

            Scrape after = Scrape.of(Ports.http());
            assertEquals(NOTIFICATIONS + 2, delta(before, after, "portfolio_events_consumed_total", "kind", "notification"));
            assertEquals(MESSAGES, delta(before, after, "portfolio_events_consumed_total", "kind", "message"));
            assertEquals(NOTIFICATIONS + 1, delta(before, after, "portfolio_events_emitted_total", "kind", "notification"));
            assertEquals(MESSAGES, delta(before, after, "portfolio_events_emitted_total", "kind", "message"));
            assertEquals(NOTIFICATIONS + 1, delta(before, after, "portfolio_deliveries_total", "kind", "notification"));
            assertEquals(MESSAGES * MEMBERS, delta(before, after, "portfolio_deliveries_total", "kind", "message"));
            for (String since : new String[] {"consume", "publish"}) {
                assertEquals(NOTIFICATIONS + 1, delta(before, after, "portfolio_delivery_latency_seconds_count", "kind", "notification", "since", since));
                assertEquals(MESSAGES, delta(before, after, "portfolio_delivery_latency_seconds_count", "kind", "message", "since", since));
                assertEquals(MESSAGES, delta(before, after, "portfolio_delivery_latency_seconds_bucket", "kind", "message", "since", since, "le", "+Inf"));
            }
            assertEquals(1, delta(before, after, "portfolio_api_requests_total", "operation", "publish_notification", "status", "202"));
            assertEquals(1, delta(before, after, "portfolio_api_requests_total", "operation", "publish_notification", "status", "401"));
            assertTrue(after.value("portfolio_connections_max") > after.value("portfolio_connections"), after.text());
            assertFalse(after.text().contains(alice) || after.text().contains(conversation), "no label carries a user or room id");
        } finally {
            clients.forEach(RawSocketClient::close);
        }
        Await.until("the sockets are gone from the gauge", () -> delta(before, scrape(), "portfolio_sockets", "transport", "websocket") == 0);
        assertEquals(1 + MEMBERS, delta(before, scrape(), "portfolio_disconnects_total", "reason", "client_namespace_disconnect")
                + delta(before, scrape(), "portfolio_disconnects_total", "reason", "transport_close"));
    }

    private static Scrape scrape() {
        try {
            return Scrape.of(Ports.http());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long delta(Scrape before, Scrape after, String name, String... labels) {
        return Math.round(after.value(name, labels) - before.value(name, labels));
    }
}

package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.json.JSONObject;

/**
 * The reconnect storm: clients in conversations of 10, each having had one message, lose their
 * transport all at once (a network blip, a load balancer restart); one more message per
 * conversation is published while they are away; then all come back at once with their session id and offset. How long until all are
 * back, how many were recovered, and whether each got the message it missed.
 */
final class ReconnectScenario {

    static final int MEMBERS = 10;
    static final int MAX_CLIENTS = 5_000;

    private ReconnectScenario() {
    }

    static void run(Target target, BenchSettings settings, RatePublisher publisher, Map<String, Double> results)
            throws Exception {
        int clients = Math.min(MAX_CLIENTS, settings.clients()) / MEMBERS * MEMBERS;
        JSONObject spec = settings.clientSpec(target.url(), "r", List.of(BenchSettings.rooms("r", MEMBERS)));
        List<String> conversations = IntStream.range(0, clients / MEMBERS).mapToObj(i -> "r" + i).toList();
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), spec, clients)) {
            workers.next(600);
            // One message each first: a client's position is the offset of the last event it got.
            long warm = System.nanoTime();
            publisher.publish(conversations, 1_000, conversations.size() / 1_000.0);
            Deliveries.collect(workers, clients, warm);
            workers.ask(new JSONObject().put("cmd", "drop"), 120);
            ServerConnections.awaitAtMost(target, 0, 120);
            workers.ask(new JSONObject().put("cmd", "stats"), 60); // counts from here
            publisher.publish(conversations, 1_000, conversations.size() / 1_000.0);

            long start = System.nanoTime();
            List<JSONObject> back = workers.ask(new JSONObject().put("cmd", "reconnect"), 600);
            Deliveries missed = Deliveries.collect(workers, clients, start);
            String at = "reconnect storm (" + clients + "): ";
            results.put(at + "seconds to all back", back.stream().mapToDouble(a -> a.getDouble("ms")).max().orElseThrow() / 1000);
            results.put(at + "recovered", back.stream().mapToDouble(a -> a.getInt("recovered")).sum());
            results.put(at + "errors", back.stream().mapToDouble(a -> a.getInt("errors")).sum());
            results.put(at + "missed events delivered", (double) missed.received());
        }
    }
}

package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * Scenario 4: one busy conversation; the members' p99 latency, then the same again while one
 * member has stopped reading (its TCP socket paused, as on a dead network).
 */
final class SlowClientScenario {

    private SlowClientScenario() {
    }

    static void run(Target target, BenchSettings settings, RatePublisher publisher, Map<String, Double> results)
            throws Exception {
        int members = settings.busyRoom();
        JSONObject spec = settings.clientSpec(target.url(), "s", List.of(BenchSettings.rooms("s", members)));
        List<String> room = List.of("s0");
        double seconds = settings.seconds() * 2;
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), spec, members)) {
            workers.next(300);
            // The same warm-up for the room as the measured runs get, so "without" is not the colder one.
            long start = System.nanoTime();
            RatePublisher.Sent sent = publisher.publish(room, settings.busyRate(), settings.warmupSeconds());
            Deliveries.collect(workers, sent.events() * members, start);

            start = System.nanoTime();
            sent = publisher.publish(room, settings.busyRate(), seconds);
            Deliveries without = Deliveries.collect(workers, sent.events() * members, start);

            workers.askFirst(new JSONObject().put("cmd", "stall").put("count", 1), 30);
            start = System.nanoTime();
            sent = publisher.publish(room, settings.busyRate(), seconds);
            Deliveries with = Deliveries.collect(workers, sent.events() * (members - 1), start);

            results.put("slow client: others' p99 ms without", without.percentile(0.99));
            results.put("slow client: others' p99 ms with", with.percentile(0.99));
            results.put("slow client: p99 change %", 100 * (with.percentile(0.99) / without.percentile(0.99) - 1));
            results.put("slow client: others lost %", 100.0 * (sent.events() * (members - 1) - with.received())
                    / (sent.events() * (members - 1)));
        }
    }
}

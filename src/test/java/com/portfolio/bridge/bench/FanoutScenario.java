package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.json.JSONObject;

/**
 * Scenario 3: clients in conversations of 10; chat messages published to the bus at rising
 * rates. Delivered events/s (socket deliveries) per rate, the best of them as saturation, and
 * publish→receive latency percentiles.
 */
final class FanoutScenario {

    static final int MEMBERS = 10;

    private FanoutScenario() {
    }

    static void run(Target target, BenchSettings settings, RatePublisher publisher, Map<String, Double> results)
            throws Exception {
        JSONObject spec = settings.clientSpec(target.url(), "f", List.of(BenchSettings.rooms("f", MEMBERS)));
        List<String> conversations = IntStream.range(0, settings.fanoutClients() / MEMBERS).mapToObj(i -> "f" + i).toList();
        // Two receiving processes: one Node process alone could not parse what a fast server sends.
        int perWorker = Math.max(1, (settings.fanoutClients() + 1) / 2);
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), spec, settings.fanoutClients(), perWorker)) {
            workers.next(300);
            // Warm-up, not counted: both runtimes compile their hot paths first (the bridge's JIT
            // still used a third of a core 5 s into a 2 s warm-up).
            long warm = System.nanoTime();
            RatePublisher.Sent warmUp = publisher.publish(conversations, settings.rates().get(0), settings.warmupSeconds());
            Deliveries.collect(workers, warmUp.events() * MEMBERS, warm);

            double best = 0;
            for (int rate : settings.rates()) {
                double cpuBefore = target.cpuSeconds();
                long start = System.nanoTime();
                RatePublisher.Sent sent = publisher.publish(conversations, rate, settings.seconds());
                Deliveries got = Deliveries.collect(workers, sent.events() * MEMBERS, start);
                double cpu = target.cpuSeconds() - cpuBefore;
                String at = "fan-out @" + rate + " ev/s: ";
                results.put(at + "published ev/s", sent.rate());
                results.put(at + "delivered/s", got.perSecond());
                results.put(at + "lost %", 100.0 * (sent.events() * MEMBERS - got.received()) / (sent.events() * MEMBERS));
                results.put(at + "p50 ms", got.percentile(0.50));
                results.put(at + "p99 ms", got.percentile(0.99));
                results.put(at + "server CPU %", 100 * cpu / got.seconds());
                results.put(at + "server CPU µs per delivery", 1e6 * cpu / Math.max(1, got.received()));
                best = Math.max(best, got.perSecond());
            }
            results.put("fan-out: delivered/s at saturation", best);
        }
    }
}

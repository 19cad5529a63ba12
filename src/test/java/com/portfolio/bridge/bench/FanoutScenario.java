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
            RateWindow.warmUp(publisher, workers, conversations, settings.rates().get(0), settings.warmupSeconds(), MEMBERS);

            double best = 0;
            for (int rate : settings.rates()) {
                RateWindow window = RateWindow.measure(target, publisher, workers, conversations, rate, settings.seconds(), MEMBERS);
                String at = "fan-out @" + rate + " ev/s: ";
                results.put(at + "published ev/s", window.sent().rate());
                results.put(at + "delivered/s", window.got().perSecond());
                window.report(at, results);
                best = Math.max(best, window.got().perSecond());
            }
            results.put("fan-out: delivered/s at saturation", best);
        }
    }
}

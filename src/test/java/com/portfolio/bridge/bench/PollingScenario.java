package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.json.JSONObject;

/**
 * Long-polling only, as clients behind proxies that block WebSocket connect: a storm of
 * {@code stormClients} (each joining a conversation of 10), then {@code clients} held while
 * chat messages arrive at a steady rate: publish→receive percentiles and the server's CPU per
 * delivery.
 */
final class PollingScenario {

    private static final int MEMBERS = 10;

    private PollingScenario() {
    }

    static void run(Target target, BenchSettings settings, RatePublisher publisher, Map<String, Double> results)
            throws Exception {
        BenchSettings.Polling polling = settings.polling();
        JSONObject stormSpec = spec(target, settings, "ps");
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), stormSpec, polling.stormClients(), 500)) {
            List<JSONObject> answers = workers.next(900);
            results.put("polling storm: clients connected", answers.stream().mapToDouble(a -> a.getInt("connected")).sum());
            results.put("polling storm: seconds to all connected and joined",
                    answers.stream().mapToDouble(a -> a.getDouble("ms")).max().orElseThrow() / 1000);
        }
        ServerConnections.awaitAtMost(target, 0, 120);
        JSONObject spec = spec(target, settings, "pf");
        List<String> conversations = IntStream.range(0, polling.clients() / MEMBERS).mapToObj(i -> "pf" + i).toList();
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), spec, polling.clients(), 250)) {
            workers.next(300);
            RateWindow.warmUp(publisher, workers, conversations, polling.rate(), settings.warmupSeconds(), MEMBERS);
            RateWindow.measure(target, publisher, workers, conversations, polling.rate(), polling.seconds(), MEMBERS)
                    .report("polling @" + polling.rate() + " ev/s × " + MEMBERS + ": ", results);
        }
    }

    private static JSONObject spec(Target target, BenchSettings settings, String prefix) {
        return settings.clientSpec(target.url(), prefix, List.of(BenchSettings.rooms(prefix, MEMBERS)))
                .put("transports", new org.json.JSONArray(List.of("polling")));
    }
}

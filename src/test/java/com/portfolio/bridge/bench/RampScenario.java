package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import org.json.JSONObject;

/**
 * Scenario 6, run last: WebSocket clients ramp towards and past the machine's open-file limit
 * (20,000 a process), all joining one conversation. How many each server held at the end, how
 * the refused connects were answered (socket.io-client's error as the load worker classifies it;
 * one raw upgrade request past the end for the status and Retry-After), and whether the held
 * clients were still served: a few messages to the conversation, counted.
 */
final class RampScenario {

    private static final Logger LOG = Logger.getLogger(RampScenario.class.getName());
    private static final int MESSAGES = 3;
    /** The load worker's classes of refusal, and their rows. */
    private static final Map<String, String> ANSWERS = Map.of("http503", "HTTP 503", "httpOther", "other HTTP status",
            "reset", "connection reset", "timeout", "timeout", "other", "other error");
    private static final List<String> ORDER = List.of("http503", "httpOther", "reset", "timeout", "other");

    private RampScenario() {
    }

    static void run(Target target, BenchSettings settings, RatePublisher publisher, Map<String, Double> results)
            throws Exception {
        int clients = settings.ramp().clients();
        JSONObject spec = settings.clientSpec(target.url(), "r", List.of(BenchSettings.rooms("ramp", clients)))
                .put("timeoutMs", 30_000);
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), spec, clients)) {
            List<JSONObject> answers = workers.next(900);
            results.put("ramp: attempts", (double) clients);
            results.put("ramp: connects that succeeded", answers.stream().mapToDouble(a -> a.getInt("connected")).sum());
            for (String answer : ORDER) {
                results.put("ramp: refused, " + ANSWERS.get(answer),
                        answers.stream().mapToDouble(a -> a.getJSONObject("refused").getInt(answer)).sum());
            }
            Map<String, Integer> reasons = new TreeMap<>();
            answers.forEach(a -> a.getJSONObject("reasons").toMap()
                    .forEach((reason, n) -> reasons.merge(reason, ((Number) n).intValue(), Integer::sum)));
            LOG.info(() -> target.name() + ": ramp refusals by error: " + reasons);
            results.put("ramp: s to the last attempt's answer",
                    answers.stream().mapToDouble(a -> a.getDouble("ms")).max().orElseThrow() / 1000);

            JSONObject probe = workers.askFirst(new JSONObject().put("cmd", "probe"), 30);
            LOG.info(() -> target.name() + ": one more upgrade past the ramp: " + probe);
            results.put("ramp: one more upgrade, HTTP status", probe.isNull("status") ? Double.NaN : probe.getInt("status"));
            results.put("ramp: one more upgrade, Retry-After s",
                    probe.optString("retryAfter", "").isEmpty() ? Double.NaN : Double.parseDouble(probe.getString("retryAfter")));

            int held = open(workers);
            long start = System.nanoTime();
            RatePublisher.Sent sent = publisher.publish(List.of("ramp0"), 10, MESSAGES / 10.0);
            Deliveries got = Deliveries.collect(workers, sent.events() * held, start);
            results.put("ramp: clients held at the end", (double) open(workers));
            results.put("ramp: held clients served %", 100.0 * got.received() / Math.max(1, sent.events() * held));
        }
        // All of them closed before the server is stopped, or measured again.
        double drained = ServerConnections.awaitAtMost(target, 0, 120);
        LOG.info(() -> target.name() + ": connections after the ramp gone in " + drained + " s");
    }

    private static int open(LoadWorkers workers) throws Exception {
        return workers.ask(new JSONObject().put("cmd", "stats"), 120).stream().mapToInt(a -> a.getInt("open")).sum();
    }
}

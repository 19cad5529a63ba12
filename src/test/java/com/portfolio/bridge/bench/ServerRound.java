package com.portfolio.bridge.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * One round of one server: a fresh start (timed), then the fan-out at every rate with its own
 * warm-up. Round 1 then runs the once-per-server scenarios, after a restart (timed as the warm
 * start) so they find the server as today's runs did, not holding the fan-out's recovery sessions.
 */
final class ServerRound {

    private static final Logger LOG = Logger.getLogger(ServerRound.class.getName());
    static final String FRESH_START = "start: seconds to ready (a fresh server)";

    private interface Scenario {
        void run() throws Exception;
    }

    private ServerRound() {
    }

    /** -Dbench.only=fan-out,ramp (say) runs just those, for profiling one of them; unset: all. */
    static boolean selected(String scenario) {
        Set<String> only = Set.of(System.getProperty("bench.only", "").split(","));
        return only.contains("") || only.contains(scenario);
    }

    static Map<String, Double> run(Target target, BenchSettings settings, RatePublisher publisher, boolean first)
            throws Exception {
        Map<String, Double> results = new LinkedHashMap<>();
        Map<String, Scenario> once = new LinkedHashMap<>();
        once.put("storm", () -> ConnectScenario.run(target, settings, results));
        // After the idle hold: its sessions, kept for recovery, would raise the idle baselines.
        once.put("small storm", () -> ConnectScenario.smallStorm(target, settings, results));
        once.put("slow client", () -> SlowClientScenario.run(target, settings, publisher, results));
        once.put("stalled readers", () -> StalledReadersScenario.run(target, settings, publisher, results));
        once.put("reconnect", () -> ReconnectScenario.run(target, settings, publisher, results));
        once.put("polling", () -> PollingScenario.run(target, settings, publisher, results));
        once.put("ramp", () -> RampScenario.run(target, settings, publisher, results));
        once.keySet().removeIf(name -> !first || !selected(name));
        try (target) {
            long starting = System.nanoTime();
            target.start();
            results.put(FRESH_START, (System.nanoTime() - starting) / 1e9);
            results.put("start: the server's own start figure (Liberty's CWWKF0011I), s", target.reportedStartSeconds());
            if (selected("fan-out")) {
                settle(target, "fan-out");
                FanoutScenario.run(target, settings, publisher, results);
            }
            if (!once.isEmpty() && settings.warmRestart()) {
                long again = System.nanoTime();
                target.restart();
                results.put("start: seconds to ready, the same server again (warm)", (System.nanoTime() - again) / 1e9);
                results.put("start: the server's own figure, again (warm), s", target.reportedStartSeconds());
            }
            for (Map.Entry<String, Scenario> scenario : once.entrySet()) {
                settle(target, scenario.getKey());
                scenario.getValue().run();
            }
        }
        return results;
    }

    /** Waits for the last scenario's clients to be gone, so the next one (and the bridge's cap) starts clean. */
    private static void settle(Target target, String next) throws InterruptedException {
        double seconds = ServerConnections.awaitAtMost(target, 0, 120);
        if (Double.isNaN(seconds)) {
            LOG.warning(() -> target.name() + ": clients still held after 120 s, starting " + next + " anyway");
        }
        LOG.info(() -> target.name() + ": " + next);
    }
}

package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The benchmark, {@code mvn -Pbench package}: one Artemis broker; the bridge (one Liberty node on
 * the artemis bus) and then the Node peer, each alone on the machine with the load generator,
 * through the same seven scenarios. Prints the side-by-side table and writes it, with the run's
 * settings, to target/bench/. {@code -Dbench.smoke=true} makes it small (what CI runs).
 */
public final class RunBench {

    private static final Logger LOG = Logger.getLogger(RunBench.class.getName());

    private RunBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties(Boolean.getBoolean("bench.smoke"),
                LocalCluster.randomHex(32));
        Map<String, Map<String, Double>> results = run(settings);
        String table = Report.markdown(results.get("bridge"), results.get("node peer"));
        Path out = Path.of(System.getProperty("cluster.work.dir", "target")).resolveSibling("bench")
                .resolve("results-" + Instant.now().toString().replace(':', '-') + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, "# Benchmark run " + Instant.now() + "\n\n" + settings.describe() + "\n\n" + table);
        LOG.info(() -> "\n" + table + "\nwritten to " + out);
    }

    /** Both servers through every scenario; results per server name, metrics in run order. */
    static Map<String, Map<String, Double>> run(BenchSettings settings) throws Exception {
        Map<String, String> jwt = Map.of("PORTFOLIO_JWT_SECRET", settings.secret(),
                "PORTFOLIO_JWT_ISSUER", settings.issuer(), "PORTFOLIO_JWT_AUDIENCE", settings.audience());
        Map<String, String> bridgeEnv = new LinkedHashMap<>(jwt);
        bridgeEnv.put("PORTFOLIO_MODE", "test");
        bridgeEnv.put("PORTFOLIO_JWT_ALGORITHMS", "HS256");
        Map<String, String> peerEnv = new LinkedHashMap<>(jwt);
        int heartbeat = settings.stall().heartbeatMs();
        if (heartbeat > 0) {
            for (String key : List.of("PORTFOLIO_ENGINE_PING_INTERVAL_MS", "PORTFOLIO_ENGINE_PING_TIMEOUT_MS")) {
                bridgeEnv.put(key, String.valueOf(heartbeat));
            }
            peerEnv.put("PEER_PING_INTERVAL_MS", String.valueOf(heartbeat));
            peerEnv.put("PEER_PING_TIMEOUT_MS", String.valueOf(heartbeat));
        }
        if (settings.ramp().bridgeCap() > 0) {
            bridgeEnv.put("PORTFOLIO_LIMITS_MAX_CONNECTIONS", String.valueOf(settings.ramp().bridgeCap()));
        }
        Map<String, Map<String, Double>> results = new LinkedHashMap<>();
        BenchSettings.Ports ports = settings.ports();
        // LocalCluster gives node 1 its base port + 1 (and HTTPS that + 360).
        try (LocalCluster cluster = new LocalCluster("bench", ports.broker(), ports.bridge() - 1, 1).withEnv(bridgeEnv)) {
            Thread stopAll = stopAllOnExit(cluster);
            try {
                cluster.startBroker();
                try (RatePublisher publisher = new RatePublisher(cluster.broker())) {
                    Target[] targets = {
                        new BridgeTarget(cluster),
                        new PeerTarget(settings.benchDir(), ports.peer(), cluster.broker(), peerEnv)};
                    // -Dbench.targets=bridge (say) measures one server only, for profiling it.
                    Set<String> only = Set.of(System.getProperty("bench.targets", "bridge,node peer").split(","));
                    for (Target target : targets) {
                        results.put(target.name(), only.contains(target.name()) ? runOne(target, settings, publisher) : Map.of());
                    }
                }
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopAll);
            }
        }
        return results;
    }

    /** Ctrl-C mid-run: stop the peer, the load workers, the broker and the bridge node too. */
    private static Thread stopAllOnExit(LocalCluster cluster) {
        Thread hook = new Thread(() -> {
            ProcessHandle.current().descendants().forEach(ProcessHandle::destroy);
            try {
                cluster.close();
            } catch (Exception e) {
                LOG.warning(() -> "stopping the benchmark's servers: " + e);
            }
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    private static Map<String, Double> runOne(Target target, BenchSettings settings, RatePublisher publisher)
            throws Exception {
        Map<String, Double> results = new LinkedHashMap<>();
        // -Dbench.only=fan-out,ramp (say) runs just those, for profiling one of them.
        Set<String> only = Set.of(System.getProperty("bench.only", "").split(","));
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("storm", () -> ConnectScenario.run(target, settings, results));
        // After the idle hold: its sessions, kept for recovery, would raise the idle baselines.
        scenarios.put("small storm", () -> ConnectScenario.smallStorm(target, settings, results));
        scenarios.put("fan-out", () -> FanoutScenario.run(target, settings, publisher, results));
        scenarios.put("slow client", () -> SlowClientScenario.run(target, settings, publisher, results));
        scenarios.put("stalled readers", () -> StalledReadersScenario.run(target, settings, publisher, results));
        scenarios.put("reconnect", () -> ReconnectScenario.run(target, settings, publisher, results));
        scenarios.put("polling", () -> PollingScenario.run(target, settings, publisher, results));
        scenarios.put("ramp", () -> RampScenario.run(target, settings, publisher, results));
        try (target) {
            long starting = System.nanoTime();
            target.start();
            results.put("start: seconds to ready (a fresh server)", (System.nanoTime() - starting) / 1e9);
            results.put("start: the server's own start figure (Liberty's CWWKF0011I), s", target.reportedStartSeconds());
            long again = System.nanoTime();
            target.restart();
            results.put("start: seconds to ready, the same server again (warm)", (System.nanoTime() - again) / 1e9);
            results.put("start: the server's own figure, again (warm), s", target.reportedStartSeconds());
            for (Map.Entry<String, Scenario> scenario : scenarios.entrySet()) {
                if (only.contains("") || only.contains(scenario.getKey())) {
                    settle(target, scenario.getKey());
                    scenario.getValue().run();
                }
            }
        }
        return results;
    }

    private interface Scenario {
        void run() throws Exception;
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

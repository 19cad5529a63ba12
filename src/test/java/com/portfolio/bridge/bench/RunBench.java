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
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;

/**
 * The benchmark, {@code mvn -Pbench package}: one Artemis broker; the bridge (one Liberty node on
 * the artemis bus) and the Node peer, each alone on the machine with the load generator, in
 * alternating rounds of the fan-out ({@code -Dbench.rounds}), the other scenarios once in round 1.
 * Prints the side-by-side table (medians and ranges of the rounds) and writes it, with the run's
 * settings and the machine's speed, to target/bench/. {@code -Dbench.smoke=true} makes it small (what CI runs).
 */
public final class RunBench {

    private static final Logger LOG = Logger.getLogger(RunBench.class.getName());

    private RunBench() {
    }

    public static void main(String[] args) throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties(Boolean.getBoolean("bench.smoke"),
                LocalCluster.randomHex(32));
        Instant started = Instant.now();
        BenchRun run;
        try {
            run = run(settings);
        } finally {
            // The Artemis client's global pools would otherwise hold exec:java 15 s and warn.
            ActiveMQClient.clearThreadPools();
        }
        String report = Report.document(started, settings, run);
        Path out = Path.of(System.getProperty("cluster.work.dir", "target")).resolveSibling("bench")
                .resolve("results-" + started.toString().replace(':', '-') + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        LOG.info(() -> "\n" + report + "\nwritten to " + out);
    }

    /** Both servers' rounds, as {@link Rounds} runs them. */
    static BenchRun run(BenchSettings settings) throws Exception {
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
        BenchSettings.Ports ports = settings.ports();
        // LocalCluster gives node 1 its base port + 1 (and HTTPS that + 360).
        try (LocalCluster cluster = new LocalCluster("bench", ports.broker(), ports.bridge() - 1, 1).withEnv(bridgeEnv)) {
            Thread stopAll = stopAllOnExit(cluster);
            try {
                cluster.startBroker();
                List<Target> targets = List.of(new BridgeTarget(cluster),
                        new PeerTarget(settings.benchDir(), ports.peer(), cluster.broker(), peerEnv));
                // -Dbench.targets=bridge (say) measures one server only, for profiling it.
                Set<String> only = Set.of(System.getProperty("bench.targets", "bridge,node peer").split(","));
                return Rounds.run(settings, new BenchBroker(cluster.broker()),
                        targets.stream().filter(target -> only.contains(target.name())).toList());
            } finally {
                Runtime.getRuntime().removeShutdownHook(stopAll);
            }
        }
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
}

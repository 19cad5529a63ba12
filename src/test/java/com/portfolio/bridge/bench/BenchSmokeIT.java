package com.portfolio.bridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.cluster.LocalCluster;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Not a benchmark: proves the benchmark still runs end to end (broker, bridge, Node peer, load
 * workers, the rounds, every scenario) at a tiny size, and that both servers did the job.
 */
@DisabledIfSystemProperty(named = "skipBench", matches = "true")
class BenchSmokeIT {

    private static final Logger LOG = Logger.getLogger(BenchSmokeIT.class.getName());

    @Test
    void theBenchmarkRunsEveryScenarioAgainstBothServers() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties(true, LocalCluster.randomHex(32));
        BenchRun run = RunBench.run(settings);
        LOG.info(() -> "\n" + Report.document(Instant.now(), settings, run));

        assertEquals(1 + 2 * settings.rounds(), run.speed().size(), "the machine's speed at the start and after every round");
        assertEquals(settings.rounds(), run.bridgeQueuesAfterPeerRounds().size());
        for (Map<String, Long> left : run.bridgeQueuesAfterPeerRounds()) {
            assertEquals(Map.of(), left, "no bridge subscription stored the peer's events");
        }
        List<Map<String, Double>> bridge = run.rounds().get(Report.BRIDGE);
        List<Map<String, Double>> peer = run.rounds().get(Report.PEER);
        assertEquals(settings.rounds(), bridge.size());
        assertEquals(settings.rounds(), peer.size());
        assertEquals(bridge.get(0).keySet(), peer.get(0).keySet());
        for (List<Map<String, Double>> server : List.of(bridge, peer)) {
            for (Map<String, Double> round : server) {
                assertTrue(round.get(ServerRound.FRESH_START) > 0);
                for (int rate : settings.rates()) {
                    assertEquals(0.0, round.get("fan-out @" + rate + " ev/s: lost %"), "every event delivered at " + rate);
                    assertTrue(round.get("fan-out @" + rate + " ev/s: broker CPU µs per published event") > 0);
                }
                assertTrue(round.get("fan-out: delivered/s at saturation") > 0);
            }
            onceScenarios(settings, server.get(0));
        }
        // The smoke run caps the bridge under the ramp, so its refusal is exercised.
        assertTrue(bridge.get(0).get("ramp: refused, HTTP 503") > 0);
    }

    private static void onceScenarios(BenchSettings settings, Map<String, Double> server) {
        assertEquals(settings.clients(), server.get("storm (" + settings.clients() + "): clients connected"), "the small storm");
        assertEquals(settings.clients(), server.get("storm: clients connected"));
        assertEquals(0.0, server.get("storm: errors"));
        assertEquals(settings.clients(), server.get("idle: clients still connected"));
        assertTrue(server.get("slow client: others' p99 ms with") > 0);
        assertEquals(0.0, server.get("stalled readers, none: live events lost"));
        assertTrue(server.get("stalled readers, group 2: live p99 ms") > 0);
        String storm = "reconnect storm (" + settings.clients() + "): ";
        assertEquals(settings.clients(), server.get(storm + "recovered"), "every client recovered");
        assertEquals(settings.clients(), server.get(storm + "missed events delivered"), "each got what it missed");
        BenchSettings.Polling polling = settings.polling();
        assertEquals(polling.stormClients(), server.get("polling storm: clients connected"), "long-polling clients all in");
        assertEquals(0.0, server.get("polling @" + polling.rate() + " ev/s × 10: lost %"), "every event to the pollers");
        assertTrue(server.get("idle: server CPU %") >= 0);
        assertTrue(server.get("ramp: clients held at the end") > 0);
        assertEquals(100.0, server.get("ramp: held clients served %"), "every held client served after the ramp");
    }
}

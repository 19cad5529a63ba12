package com.portfolio.bridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.portfolio.bridge.cluster.LocalCluster;
import java.util.Map;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * Not a benchmark: proves the benchmark still runs end to end (broker, bridge, Node peer, load
 * workers, every scenario) at a tiny size, and that both servers did the job.
 */
@DisabledIfSystemProperty(named = "skipBench", matches = "true")
class BenchSmokeIT {

    private static final Logger LOG = Logger.getLogger(BenchSmokeIT.class.getName());

    @Test
    void theBenchmarkRunsEveryScenarioAgainstBothServers() throws Exception {
        BenchSettings settings = BenchSettings.fromSystemProperties(true, LocalCluster.randomHex(32));
        Map<String, Map<String, Double>> results = RunBench.run(settings);
        LOG.info(() -> "\n" + Report.markdown(results.get("bridge"), results.get("node peer")));

        assertEquals(results.get("bridge").keySet(), results.get("node peer").keySet());
        for (Map<String, Double> server : results.values()) {
            assertEquals(settings.clients(), server.get("storm (" + settings.clients() + "): clients connected"), "the small storm");
            assertEquals(settings.clients(), server.get("storm: clients connected"));
            assertEquals(0.0, server.get("storm: errors"));
            assertEquals(settings.clients(), server.get("idle: clients still connected"));
            for (int rate : settings.rates()) {
                assertEquals(0.0, server.get("fan-out @" + rate + " ev/s: lost %"), "every event delivered at " + rate);
            }
            assertTrue(server.get("fan-out: delivered/s at saturation") > 0);
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
            assertTrue(server.get("start: seconds to ready (a fresh server)") > 0);
            assertTrue(server.get("ramp: clients held at the end") > 0);
            assertEquals(100.0, server.get("ramp: held clients served %"), "every held client served after the ramp");
        }
        // The smoke run caps the bridge under the ramp, so its refusal is exercised.
        assertTrue(results.get("bridge").get("ramp: refused, HTTP 503") > 0);
    }
}

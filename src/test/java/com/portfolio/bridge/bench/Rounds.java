package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.ArtemisBroker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The servers' rounds, alternating (bridge 1, peer 1, bridge 2, ...), so that a slow stretch of the
 * shared machine falls on both rather than on whichever ran then.
 */
final class Rounds {

    private static final Logger LOG = Logger.getLogger(Rounds.class.getName());

    private Rounds() {
    }

    static BenchRun run(BenchSettings settings, ArtemisBroker broker, List<Target> targets) throws Exception {
        Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
        // Without the fan-out a later round would only start and stop the servers.
        int rounds = ServerRound.selected("fan-out") ? settings.rounds() : 1;
        for (int round = 1; round <= rounds; round++) {
            for (Target target : targets) {
                String name = target.name() + " round " + round;
                LOG.info(() -> name + " of " + rounds);
                try (RatePublisher publisher = new RatePublisher(broker)) {
                    results.computeIfAbsent(target.name(), n -> new ArrayList<>())
                            .add(ServerRound.run(target, settings, publisher, round == 1));
                }
            }
        }
        return new BenchRun(results);
    }
}

package com.portfolio.bridge.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The servers' rounds, alternating (bridge 1, peer 1, bridge 2, ...), so that a slow stretch of the
 * shared machine falls on both rather than on whichever ran then; each round on a clean broker,
 * the machine's speed sampled before the first and after every round.
 */
final class Rounds {

    private static final Logger LOG = Logger.getLogger(Rounds.class.getName());

    private Rounds() {
    }

    static BenchRun run(BenchSettings settings, BenchBroker broker, List<Target> targets) throws Exception {
        MachineSpeed speed = new MachineSpeed();
        speed.sample("start");
        Map<String, List<Map<String, Double>>> results = new LinkedHashMap<>();
        List<Map<String, Long>> leftOnBroker = new ArrayList<>();
        // Without the fan-out a later round would only start and stop the servers.
        int rounds = ServerRound.selected("fan-out") ? settings.rounds() : 1;
        boolean brokerEmpty = true;
        for (int round = 1; round <= rounds; round++) {
            for (Target target : targets) {
                if (!brokerEmpty) {
                    broker.freshJournal();
                }
                brokerEmpty = false;
                String name = target.name() + " round " + round;
                LOG.info(() -> name + " of " + rounds);
                try (RatePublisher publisher = new RatePublisher(broker.artemis())) {
                    results.computeIfAbsent(target.name(), n -> new ArrayList<>())
                            .add(ServerRound.run(target, settings, publisher, round == 1));
                }
                Map<String, Long> bridgeQueues = broker.bridgeQueues();
                if (target instanceof PeerTarget) {
                    // The check that the rounds are kept apart: no bridge queue was there to store the peer's events.
                    leftOnBroker.add(bridgeQueues);
                }
                speed.sample("after " + name);
            }
        }
        return new BenchRun(results, speed.samples(), leftOnBroker);
    }
}

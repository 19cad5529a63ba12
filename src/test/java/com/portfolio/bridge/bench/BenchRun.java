package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;

/**
 * What one run measured: per server (in run order) its rounds' figures, round 1's holding the
 * once-per-server scenarios too; the machine's speed over the run; and, after each peer round,
 * the bridge's subscription queues the broker still held (none, if the rounds were kept apart).
 */
record BenchRun(Map<String, List<Map<String, Double>>> rounds, List<MachineSpeed.Sample> speed,
        List<Map<String, Long>> bridgeQueuesAfterPeerRounds) {

    /** One server's figures for {@code row}, a round each (null where a round has no such row). */
    List<Double> values(String server, String row) {
        return rounds.getOrDefault(server, List.of()).stream().map(round -> round.get(row)).toList();
    }
}

package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;

/**
 * What one run measured: per server (in run order) its rounds' figures, round 1's holding the
 * once-per-server scenarios too.
 */
record BenchRun(Map<String, List<Map<String, Double>>> rounds) {

    /** One server's figures for {@code row}, a round each (null where a round has no such row). */
    List<Double> values(String server, String row) {
        return rounds.getOrDefault(server, List.of()).stream().map(round -> round.get(row)).toList();
    }
}

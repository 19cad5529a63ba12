package com.portfolio.bridge.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void aSpreadIsTheMedianAndRangeOfTheRoundsWithFiguresOnly() {
        assertEquals(new Spread(2, 1, 9, 3), Spread.of(List.of(9.0, 1.0, 2.0)));
        assertEquals(new Spread(2.5, 1, 4, 4), Spread.of(List.of(4.0, 1.0, 3.0, 2.0)));
        assertEquals(new Spread(3, 3, 3, 1), Spread.of(java.util.Arrays.asList(null, Double.NaN, 3.0)));
        assertEquals(0, Spread.of(List.of()).n());
    }

    @Test
    void aRowGivesEachServersMedianWithItsRangeAndTheRatioOfTheMedians() {
        BenchRun run = new BenchRun(Map.of(
                Report.BRIDGE, List.of(round(1_000, 2.0, 7), round(1_200, 3.0, Double.NaN), round(900, 2.5, Double.NaN)),
                Report.PEER, List.of(round(800, 1.0, 3), round(600, 1.0, Double.NaN), round(700, 1.0, Double.NaN))),
                List.of(), List.of());
        String table = Report.table(run);
        assertTrue(table.contains("| start: seconds to ready (a fresh server) | 2.50 (2.00–3.00) | 1.00 (1.00–1.00) | 2.50 |"), table);
        assertTrue(table.contains("| fan-out: delivered/s at saturation | 1,000 (900–1,200) | 700 (600–800) | 1.43 |"), table);
        assertTrue(table.contains("| storm: seconds to all connected | 7.00 | 3.00 | 2.33 |"), table);
        assertTrue(table.indexOf("start:") < table.indexOf("fan-out:") && table.indexOf("fan-out:") < table.indexOf("storm:"),
                "start rows, then the fan-out's, then the rest");
    }

    /** A round in the order a server gives its rows, except the start row, which the report moves first. */
    private static Map<String, Double> round(double delivered, double start, double storm) {
        Map<String, Double> round = new LinkedHashMap<>();
        round.put("fan-out: delivered/s at saturation", delivered);
        if (!Double.isNaN(storm)) {
            round.put("storm: seconds to all connected", storm);
        }
        round.put(ServerRound.FRESH_START, start);
        return round;
    }
}

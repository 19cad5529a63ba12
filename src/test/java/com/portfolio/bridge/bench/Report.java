package com.portfolio.bridge.bench;

import java.util.Locale;
import java.util.Map;

/** The side-by-side table: every metric for both servers and their ratio. */
final class Report {

    private Report() {
    }

    static String markdown(Map<String, Double> bridge, Map<String, Double> peer) {
        StringBuilder table = new StringBuilder("| metric | bridge | node peer | bridge ÷ peer |\n|---|---:|---:|---:|\n");
        // Either side may be empty (-Dbench.targets): rows in the order the one that ran gave them.
        java.util.Set<String> rows = new java.util.LinkedHashSet<>(bridge.keySet());
        rows.addAll(peer.keySet());
        for (String row : rows) {
            Double mine = bridge.get(row);
            Double other = peer.get(row);
            table.append("| ").append(row).append(" | ").append(format(mine)).append(" | ").append(format(other)).append(" | ")
                    .append(mine == null || other == null || other == 0 ? "—" : format(mine / other)).append(" |\n");
        }
        return table.toString();
    }

    private static String format(Double value) {
        if (value == null || value.isNaN()) {
            return "—";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : "%.2f", value);
    }
}

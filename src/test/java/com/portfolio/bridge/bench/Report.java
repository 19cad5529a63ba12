package com.portfolio.bridge.bench;

import java.util.Locale;
import java.util.Map;

/** The side-by-side table: every metric for both servers and their ratio. */
final class Report {

    private Report() {
    }

    static String markdown(Map<String, Double> bridge, Map<String, Double> peer) {
        StringBuilder table = new StringBuilder("| metric | bridge | node peer | bridge ÷ peer |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, Double> row : bridge.entrySet()) {
            Double other = peer.get(row.getKey());
            table.append("| ").append(row.getKey()).append(" | ").append(format(row.getValue())).append(" | ")
                    .append(format(other)).append(" | ")
                    .append(other == null || other == 0 ? "—" : format(row.getValue() / other)).append(" |\n");
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

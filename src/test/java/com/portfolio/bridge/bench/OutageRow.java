package com.portfolio.bridge.bench;

import java.util.List;

/**
 * One line of the outage table: what one broker event cost the members, the producer and readiness.
 * {@code due}: ticks of the producer's rate in the window; a send blocked by the outage holds the
 * ones after it, which then go out as fast as the broker takes them, so {@code sent} may lag.
 */
record OutageRow(String phase, long due, int sent, int accepted, long expected, long delivered, long unaccepted, int duplicates,
        int droppedByNodes, int disconnected, double awaySeconds, double toFirstDeliverySeconds,
        double longestSilenceSeconds, int resends, long longestSendMillis, String readiness) {

    long lost() {
        return expected - delivered;
    }

    static String table(List<OutageRow> rows) {
        StringBuilder table = new StringBuilder(
                "| phase | accepted / sent (due at the rate) | delivered / expected | lost | duplicates on sockets"
                + " | redeliveries dropped by nodes | clients dropped | kill or restart → broker back, s | back → first delivery, s"
                + " | longest silence on a socket, s | producer: resends, longest send ms | node-1 /health/ready from the kill |\n"
                + "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (OutageRow row : rows) {
            table.append(String.format("| %s | %,d / %,d (%,d) | %,d / %,d%s | %,d | %d | %d | %d | %.1f | %s | %.1f | %d, %,d | %s |%n",
                    row.phase, row.accepted, row.sent, row.due, row.delivered, row.expected,
                    row.unaccepted > 0 ? " (+" + row.unaccepted + " not accepted)" : "", row.lost(), row.duplicates,
                    row.droppedByNodes, row.disconnected, row.awaySeconds,
                    row.toFirstDeliverySeconds < 0 ? "none" : String.format("%.2f", row.toFirstDeliverySeconds),
                    row.longestSilenceSeconds, row.resends, row.longestSendMillis, row.readiness));
        }
        return table.toString();
    }
}

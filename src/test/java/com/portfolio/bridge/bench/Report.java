package com.portfolio.bridge.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The results file: the run's settings and the machine's speed, then one table of every metric
 * for both servers — the median of the rounds with their range — and the ratio of the medians.
 */
final class Report {

    static final String BRIDGE = "bridge";
    static final String PEER = "node peer";

    private Report() {
    }

    static String document(Instant started, BenchSettings settings, BenchRun run) {
        return "# Benchmark run " + started + "\n\n" + header(settings, run) + "\n" + table(run);
    }

    static String header(BenchSettings settings, BenchRun run) {
        Map<Object, Object> given = new TreeMap<>(System.getProperties());
        String options = given.entrySet().stream().map(e -> e.getKey().toString())
                .filter(key -> key.startsWith("bench.") && !key.equals("bench.dir") && !key.equals("bench.smoke"))
                .map(key -> " -D" + key + "=" + given.get(key)).collect(Collectors.joining());
        List<MachineSpeed.Sample> speed = run.speed();
        String samples = speed.stream().map(s -> s.when() + " " + format(s.seconds()) + " s (load " + s.load() + ")")
                .collect(Collectors.joining("; "));
        Spread loop = Spread.of(speed.stream().map(MachineSpeed.Sample::seconds).toList());
        String left = run.bridgeQueuesAfterPeerRounds().stream().map(q -> q.isEmpty() ? "none" : q.toString())
                .collect(Collectors.joining(", "));
        return "**Command**: `mvn -Pbench package" + options + "`\n\n"
                + "**Sizes**: " + settings.describe() + "\n\n"
                + "**Machine speed** (`python3 -c` summing `range(10**7)` in a for loop, s; 0.79 on a quiet day, 1.0–1.1"
                + " on a slow one): median **" + format(loop.median()) + " s** of " + loop.n() + ": " + samples + "\n\n"
                + "**Rounds**: " + rounds(run, BRIDGE) + " of the bridge and " + rounds(run, PEER) + " of the peer, "
                + "alternating, each a fresh start on a broker with a fresh journal; the bridge's subscription queues "
                + "on the broker when each peer round ended: " + (left.isEmpty() ? "—" : left) + ". A cell is the median"
                + " of the rounds (min–max); a single figure is one round's: the warm start and the scenarios after the"
                + " fan-out run in round 1 only.\n";
    }

    private static int rounds(BenchRun run, String server) {
        return run.rounds().getOrDefault(server, List.of()).size();
    }

    static String table(BenchRun run) {
        StringBuilder table = new StringBuilder("| metric | bridge median (min–max) | peer median (min–max) | bridge ÷ peer |\n"
                + "|---|---:|---:|---:|\n");
        for (String row : rows(run)) {
            Spread mine = Spread.of(run.values(BRIDGE, row));
            Spread other = Spread.of(run.values(PEER, row));
            table.append("| ").append(row).append(" | ").append(cell(mine)).append(" | ").append(cell(other)).append(" | ")
                    .append(mine.n() == 0 || other.n() == 0 || other.median() == 0 ? "—" : format(mine.median() / other.median()))
                    .append(" |\n");
        }
        return table.toString();
    }

    /** Every row either server gave, in run order, the start rows first and then the fan-out's. */
    private static List<String> rows(BenchRun run) {
        Set<String> rows = new LinkedHashSet<>();
        run.rounds().values().forEach(rounds -> rounds.forEach(round -> rows.addAll(round.keySet())));
        List<String> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparingInt(row -> row.startsWith("start:") ? 0 : row.startsWith("fan-out") ? 1 : 2));
        return ordered;
    }

    private static String cell(Spread spread) {
        if (spread.n() == 0) {
            return "—";
        }
        String median = format(spread.median());
        return spread.n() == 1 ? median : median + " (" + format(spread.min()) + "–" + format(spread.max()) + ")";
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "—";
        }
        double abs = Math.abs(value);
        return String.format(Locale.ROOT, abs >= 100 ? "%,.0f" : abs >= 10 ? "%.1f" : "%.2f", value);
    }
}

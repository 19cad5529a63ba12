package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;
import org.json.JSONObject;

/**
 * Scenarios 1 and 2: N authenticated WebSocket clients connect at once, each joining its user
 * room and two conversations (of 10 and of 100 members); then they idle and the server's heap
 * after GC and RSS are read, per client, above the idle server's own, and the CPU the idle
 * server and then the idle clients cost, each once the server has settled
 * ({@code -Dbench.idle-settle-seconds}, 30).
 */
final class ConnectScenario {

    private ConnectScenario() {
    }

    static void run(Target target, BenchSettings settings, Map<String, Double> results) throws Exception {
        long heapBefore = target.heapAfterGc();
        long rssBefore = target.rss();
        // The idle server's own CPU (the bridge's bus probes and presence heartbeat run with no
        // client at all), so the per-client figure can be read above it, as heap and RSS are.
        double settle = settings.idleSettleSeconds();
        double baseCpu = idleCpu(target, settle, settings.idleCpuSeconds());
        results.put("idle: server CPU % with no client", baseCpu);
        JSONObject spec = settings.clientSpec(target.url(), "u",
                List.of(BenchSettings.rooms("a", 10), BenchSettings.rooms("b", 100)));
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), spec, settings.clients())) {
            int connected = stormRows(workers.next(900), "storm: ", results);
            long heap = target.heapAfterGc();
            long rss = target.rss();
            results.put("idle: heap after GC, MB", heap / 1e6);
            results.put("idle: RSS, MB", rss / 1e6);
            results.put("idle: heap per client, KB", (heap - heapBefore) / 1e3 / connected);
            results.put("idle: RSS per client, KB", (rss - rssBefore) / 1e3 / connected);
            // Idle CPU: heartbeats and timers only, nothing published.
            double idleCpu = idleCpu(target, settle, settings.idleCpuSeconds());
            results.put("idle: server CPU %", idleCpu);
            results.put("idle: server CPU % per 1,000 clients", idleCpu * 1000 / Math.max(1, connected));
            results.put("idle: server CPU % per 1,000 clients, above the idle server's",
                    (idleCpu - baseCpu) * 1000 / Math.max(1, connected));
            int open = workers.ask(new JSONObject().put("cmd", "stats"), 120).stream().mapToInt(a -> a.getInt("open")).sum();
            results.put("idle: clients still connected", (double) open);
        }
    }

    /**
     * The storm row: min(5,000, N) clients connect at once, as above, and leave. Run after
     * the big storm and its idle hold (on a warm server, then), so one run holds both.
     */
    static void smallStorm(Target target, BenchSettings settings, Map<String, Double> results) throws Exception {
        int clients = Math.min(Integer.getInteger("bench.small-storm", 5_000), settings.clients());
        JSONObject spec = settings.clientSpec(target.url(), "s",
                List.of(BenchSettings.rooms("a", 10), BenchSettings.rooms("b", 100)));
        try (LoadWorkers workers = new LoadWorkers(settings.benchDir(), spec, clients)) {
            stormRows(workers.next(900), "storm (" + clients + "): ", results);
        }
    }

    /** The workers' answers to a storm, as rows. @return the clients connected */
    private static int stormRows(List<JSONObject> answers, String row, Map<String, Double> results) {
        int connected = answers.stream().mapToInt(a -> a.getInt("connected")).sum();
        results.put(row + "clients connected", (double) connected);
        results.put(row + "errors", answers.stream().mapToDouble(a -> a.getInt("errors")).sum());
        results.put(row + "seconds to all connected", answers.stream().mapToDouble(a -> a.getDouble("ms")).max()
                .orElseThrow() / 1000);
        return connected;
    }

    /** Percent of a core the server uses over {@code seconds}, after {@code settle} seconds. */
    private static double idleCpu(Target target, double settle, double seconds) throws Exception {
        java.util.concurrent.locks.LockSupport.parkNanos((long) (settle * 1e9));
        double cpuBefore = target.cpuSeconds();
        long from = System.nanoTime();
        java.util.concurrent.locks.LockSupport.parkNanos((long) (seconds * 1e9));
        return 100 * (target.cpuSeconds() - cpuBefore) / ((System.nanoTime() - from) / 1e9);
    }
}

package com.portfolio.bridge.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.json.JSONObject;

/**
 * How big a run is (system properties bench.*), and the JWT settings both servers share.
 * {@code rounds}: of the fan-out, per server; {@code warmRestart}: round 1 restarts each server
 * before the once-per-server scenarios (and times it), as the smoke run does not, to stay short.
 */
record BenchSettings(Path benchDir, int rounds, boolean warmRestart, int clients, int fanoutClients, List<Integer> rates,
        double seconds, double warmupSeconds, int busyRoom, int busyRate, Stall stall, Ramp ramp, Polling polling,
        double idleCpuSeconds, double idleSettleSeconds, Ports ports, String secret, String issuer, String audience) {

    /**
     * Where the broker and the two servers listen ({@code -Dbench.broker-port}, {@code .bridge-port},
     * {@code .peer-port}), in smoke runs too: another run on this machine may hold the defaults.
     */
    record Ports(int broker, int bridge, int peer) {
        static Ports fromSystemProperties() {
            return new Ports(Integer.getInteger("bench.broker-port", 61619), Integer.getInteger("bench.bridge-port", 9481),
                    Integer.getInteger("bench.peer-port", 9490));
        }
    }

    /**
     * Long-polling only (clients behind proxies that block WebSocket): {@code stormClients} connect at
     * once; then {@code clients} in conversations of 10 get messages at {@code rate} events/s for {@code seconds}.
     */
    record Polling(int clients, int stormClients, int rate, double seconds) {
    }

    /**
     * Stalled readers: {@code readers} a group, each a member of {@code rooms} conversations (so more
     * is sent to it than the kernels' buffers hold well before the heartbeat), messages at
     * {@code rate} events/s of about {@code documentBytes} for {@code seconds} a window;
     * {@code heartbeatMs} > 0 sets both servers' ping interval and timeout (0: their defaults, 25 s + 20 s).
     */
    record Stall(int readers, int rooms, int rate, int documentBytes, double seconds, int heartbeatMs) {
    }

    /** The ramp: {@code clients} attempts; {@code bridgeCap} > 0 sets the bridge's max-connections for the run. */
    record Ramp(int clients, int bridgeCap) {
    }

    /** The run's sizes, for the results file; the secret is left out. */
    String describe() {
        return "clients " + clients + ", fan-out clients " + fanoutClients + ", rates " + rates + " events/s for "
                + seconds + " s each after " + warmupSeconds + " s of warm-up, busy room " + busyRoom + " members at "
                + busyRate + " events/s, stalled readers " + stall.readers() + " a group in " + stall.rooms()
                + " conversations each at " + stall.rate() + " events/s of "
                + stall.documentBytes() + " bytes for " + stall.seconds() + " s a window, heartbeat "
                + (stall.heartbeatMs() > 0 ? stall.heartbeatMs() + " ms" : "the servers' default") + ", ramp to "
                + ramp.clients() + " clients, bridge cap " + (ramp.bridgeCap() > 0 ? ramp.bridgeCap() : "derived")
                + ", long-polling " + polling.stormClients() + " at once, then " + polling.clients() + " at "
                + polling.rate() + " events/s for " + polling.seconds() + " s, idle CPU over " + idleCpuSeconds + " s; broker port "
                + ports.broker() + ", bridge " + ports.bridge() + ", peer " + ports.peer();
    }

    static BenchSettings fromSystemProperties(boolean smoke, String secret) {
        Path dir = Path.of(System.getProperty("bench.dir", "bench"));
        if (smoke) {
            // A short heartbeat, so stalled readers are closed within a short window; a cap under the ramp.
            // One round: it proves the rounds run, it is not a measurement.
            return new BenchSettings(dir, Integer.getInteger("bench.rounds", 1), false, 200, 100, List.of(200, 400), 2, 2, 20, 100,
                    new Stall(4, 2, 200, 4096, 6, 2000), new Ramp(450, 350), new Polling(50, 100, 50, 2), 2, 1,
                    Ports.fromSystemProperties(), secret, "bench", "bench");
        }
        return new BenchSettings(dir, Integer.getInteger("bench.rounds", 3), true,
                Integer.getInteger("bench.clients", 19_000),
                Integer.getInteger("bench.fanout-clients", 1_000),
                Arrays.stream(System.getProperty("bench.rates", "1000,2000,4000,8000,16000").split(","))
                        .map(String::trim).map(Integer::valueOf).toList(),
                Double.parseDouble(System.getProperty("bench.seconds", "5")),
                Double.parseDouble(System.getProperty("bench.warmup-seconds", "15")),
                Integer.getInteger("bench.busy-room", 50),
                Integer.getInteger("bench.busy-rate", 200),
                new Stall(Integer.getInteger("bench.stalled", 48), Integer.getInteger("bench.stall-rooms", 10),
                        Integer.getInteger("bench.stall-rate", 1_000),
                        Integer.getInteger("bench.stall-doc-bytes", 4_096),
                        Double.parseDouble(System.getProperty("bench.stall-seconds", "50")),
                        Integer.getInteger("bench.heartbeat-ms", 0)),
                new Ramp(Integer.getInteger("bench.ramp-clients", 20_500), Integer.getInteger("bench.bridge-max-connections", 0)),
                new Polling(Integer.getInteger("bench.polling-clients", 500), Integer.getInteger("bench.polling-storm", 1_000),
                        Integer.getInteger("bench.polling-rate", 100),
                        Double.parseDouble(System.getProperty("bench.polling-seconds", "20"))),
                Double.parseDouble(System.getProperty("bench.idle-cpu-seconds", "20")),
                // Before each idle CPU window: the storm's JIT work done (JFR: C2 at ~17% of a core).
                Double.parseDouble(System.getProperty("bench.idle-settle-seconds", "30")),
                Ports.fromSystemProperties(), secret, "bench", "bench");
    }

    /** The load workers' spec: where to connect, which rooms to join, how to sign tokens. */
    JSONObject clientSpec(String url, String userPrefix, List<JSONObject> conversations) {
        return new JSONObject().put("url", url).put("userPrefix", userPrefix).put("concurrency", 200)
                .put("conversations", conversations).put("secret", secret).put("issuer", issuer).put("audience", audience);
    }

    static JSONObject rooms(String prefix, int size) {
        return new JSONObject().put("prefix", prefix).put("size", size);
    }
}

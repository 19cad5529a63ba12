package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;
import org.json.JSONObject;

/**
 * Scenario 5, many stalled readers: the fan-out clients (conversations of 10) get ~4 KB
 * messages at a fixed rate; their p50/p99 and lost events with no stalled reader, then with a
 * group of extra clients (each a member of several conversations, so far more than the kernels'
 * buffers hold is sent to it before any heartbeat) that stop reading, then with a second
 * group once the first is gone (the old blocking writes kept a writer thread for each stalled
 * reader for good, so groups added up). Per group: seconds from the stall until the server held
 * none of them, how many saw their close once they read again, and by which of the server's own
 * counts: cut by its write bound (bridge: its "client stopped reading" warnings; the peer has no
 * such bound) or closed by the heartbeat (peer: "ping timeout" disconnects; the bridge does not
 * count these).
 */
final class StalledReadersScenario {

    private static final String ROWS = "stalled readers, ";
    /** How long past the window the servers get to drop a group, and its clients to see it. */
    private static final double GRACE_SECONDS = 10;

    private record Window(long lost, Deliveries got, double during) {
    }

    private final Target target;
    private final BenchSettings settings;
    private final RatePublisher publisher;
    private final LoadWorkers live;
    private final List<String> conversations;
    private final String text;

    private StalledReadersScenario(Target target, BenchSettings settings, RatePublisher publisher, LoadWorkers live,
            List<String> conversations) {
        this.target = target;
        this.settings = settings;
        this.publisher = publisher;
        this.live = live;
        this.conversations = conversations;
        this.text = RatePublisher.padding(settings.stall().documentBytes());
    }

    static void run(Target target, BenchSettings settings, RatePublisher publisher, Map<String, Double> results)
            throws Exception {
        int members = FanoutScenario.MEMBERS;
        JSONObject spec = settings.clientSpec(target.url(), "l", List.of(BenchSettings.rooms("l", members)));
        List<String> conversations = IntStream.range(0, settings.fanoutClients() / members).mapToObj(i -> "l" + i).toList();
        // Two receiving processes, as in the fan-out: one could not parse all the live clients get.
        int perWorker = Math.max(1, (settings.fanoutClients() + 1) / 2);
        try (LoadWorkers live = new LoadWorkers(settings.benchDir(), spec, settings.fanoutClients(), perWorker)) {
            live.next(300);
            StalledReadersScenario scenario = new StalledReadersScenario(target, settings, publisher, live, conversations);
            // Warm-up, not counted: 4 KB documents are a path neither server has run yet.
            scenario.window(settings.warmupSeconds(), () -> Double.NaN);
            report(ROWS + "none: ", scenario.window(settings.stall().seconds(), () -> Double.NaN), results);
            for (int group = 1; group <= 2; group++) {
                scenario.group(group, results);
            }
        }
    }

    private void group(int number, Map<String, Double> results) throws Exception {
        int held = target.connections();
        double cutsBefore = target.cutsForNotReading();
        double heartbeatBefore = target.heartbeatCloses();
        double seconds = settings.stall().seconds();
        int rooms = Math.min(settings.stall().rooms(), conversations.size());
        // Each stalled reader in `rooms` conversations spread over all of them, one a conversation first.
        List<JSONObject> joins = IntStream.range(0, rooms).mapToObj(j -> BenchSettings.rooms("l", 1)
                .put("of", conversations.size()).put("shift", j * (conversations.size() / rooms))).toList();
        JSONObject spec = settings.clientSpec(target.url(), "z" + number + "-", joins);
        Window window;
        long seen;
        try (LoadWorkers stalled = new LoadWorkers(settings.benchDir(), spec, settings.stall().readers())) {
            stalled.next(300);
            int count = stalled.ask(new JSONObject().put("cmd", "stall").put("count", Integer.MAX_VALUE), 30)
                    .stream().mapToInt(a -> a.getInt("count")).sum();
            window = window(seconds, () -> ServerConnections.awaitAtMost(target, held, seconds + GRACE_SECONDS));
            stalled.ask(new JSONObject().put("cmd", "resume"), 30);
            seen = closesSeen(stalled, count);
        }
        // Gone (its worker exited) before the next group connects.
        ServerConnections.awaitAtMost(target, held, 60);
        String prefix = ROWS + "group " + number + ": ";
        report(prefix, window, results);
        results.put(prefix + "s until the server dropped all", window.during());
        results.put(prefix + "closes seen on reading again", (double) seen);
        results.put(prefix + "cut by the write deadline or queue cap", target.cutsForNotReading() - cutsBefore);
        results.put(prefix + "closed by the heartbeat", target.heartbeatCloses() - heartbeatBefore);
    }

    private static void ownThread(Runnable task) {
        Thread thread = new Thread(task, "stall-publisher");
        thread.setDaemon(true);
        thread.start();
    }

    /** Publishes for {@code seconds} while {@code during} runs on this thread; then the live clients' deliveries. */
    private Window window(double seconds, Callable<Double> during) throws Exception {
        int rate = settings.stall().rate();
        long start = System.nanoTime();
        // A thread of its own: on Java 25 a two-core machine's async pool runs one task at a time.
        CompletableFuture<RatePublisher.Sent> sending = CompletableFuture.supplyAsync(
                () -> publisher.publish(conversations, rate, seconds, text), StalledReadersScenario::ownThread);
        double duringResult;
        try {
            duringResult = during.call();
        } finally {
            sending.join();
        }
        long expected = sending.get().events() * FanoutScenario.MEMBERS;
        Deliveries got = Deliveries.collect(live, expected, start);
        return new Window(expected - got.received(), got, duringResult);
    }

    /** How many stalled clients saw their socket closed, waiting up to the grace for all {@code count}. */
    private static long closesSeen(LoadWorkers stalled, int count) throws Exception {
        long deadline = System.nanoTime() + (long) (GRACE_SECONDS * 1e9);
        while (true) {
            long seen = stalled.ask(new JSONObject().put("cmd", "stats"), 30).stream()
                    .mapToLong(a -> a.getLong("stalledClosed")).sum();
            if (seen >= count || System.nanoTime() > deadline) {
                return seen;
            }
            LockSupport.parkNanos(250_000_000L);
        }
    }

    private static void report(String prefix, Window window, Map<String, Double> results) {
        results.put(prefix + "live p50 ms", window.got().percentile(0.50));
        results.put(prefix + "live p99 ms", window.got().percentile(0.99));
        results.put(prefix + "live events lost", (double) window.lost());
    }
}

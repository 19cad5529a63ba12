package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;

/**
 * One publishing window: messages at a fixed rate to conversations of {@code members}, what the
 * clients received, and the server's CPU meanwhile. The fan-out and long-polling scenarios measure
 * alike through it.
 */
record RateWindow(RatePublisher.Sent sent, Deliveries got, double cpuSeconds, int members) {

    /** Not counted: both runtimes compile their hot paths first. */
    static void warmUp(RatePublisher publisher, LoadWorkers workers, List<String> conversations, int rate, double seconds,
            int members) throws Exception {
        long start = System.nanoTime();
        RatePublisher.Sent sent = publisher.publish(conversations, rate, seconds);
        Deliveries.collect(workers, sent.events() * members, start);
    }

    static RateWindow measure(Target target, RatePublisher publisher, LoadWorkers workers, List<String> conversations,
            int rate, double seconds, int members) throws Exception {
        double cpuBefore = target.cpuSeconds();
        long start = System.nanoTime();
        RatePublisher.Sent sent = publisher.publish(conversations, rate, seconds);
        Deliveries got = Deliveries.collect(workers, sent.events() * members, start);
        return new RateWindow(sent, got, target.cpuSeconds() - cpuBefore, members);
    }

    /** Lost, p50, p99, CPU % and CPU per delivery, each under {@code at}. */
    void report(String at, Map<String, Double> results) {
        long expected = sent.events() * members;
        results.put(at + "lost %", 100.0 * (expected - got.received()) / expected);
        results.put(at + "p50 ms", got.percentile(0.50));
        results.put(at + "p99 ms", got.percentile(0.99));
        results.put(at + "server CPU %", 100 * cpuSeconds / got.seconds());
        results.put(at + "server CPU µs per delivery", 1e6 * cpuSeconds / Math.max(1, got.received()));
    }
}

package com.portfolio.bridge.bench;

import java.util.List;
import java.util.Map;

/**
 * One publishing window: messages at a fixed rate to conversations of {@code members}, what the
 * clients received, and the server's and the broker's CPU meanwhile. The fan-out and long-polling scenarios measure
 * alike through it.
 */
record RateWindow(RatePublisher.Sent sent, Deliveries got, double cpuSeconds, double brokerCpuSeconds, int members) {

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
        double brokerBefore = publisher.brokerCpuSeconds();
        long start = System.nanoTime();
        RatePublisher.Sent sent = publisher.publish(conversations, rate, seconds);
        Deliveries got = Deliveries.collect(workers, sent.events() * members, start);
        return new RateWindow(sent, got, target.cpuSeconds() - cpuBefore, publisher.brokerCpuSeconds() - brokerBefore,
                members);
    }

    /** Lost, p50, p99, the server's CPU % and CPU per delivery, the broker's CPU % and per event, each under {@code at}. */
    void report(String at, Map<String, Double> results) {
        long expected = sent.events() * members;
        results.put(at + "lost %", 100.0 * (expected - got.received()) / expected);
        results.put(at + "p50 ms", got.percentile(0.50));
        results.put(at + "p99 ms", got.percentile(0.99));
        results.put(at + "server CPU %", 100 * cpuSeconds / got.seconds());
        results.put(at + "server CPU µs per delivery", 1e6 * cpuSeconds / Math.max(1, got.received()));
        // Part of each server's cost: its subscriptions (the bridge's durable core ones, the peer's AMQP ones) load the broker.
        results.put(at + "broker CPU %", 100 * brokerCpuSeconds / got.seconds());
        results.put(at + "broker CPU µs per published event", 1e6 * brokerCpuSeconds / Math.max(1, sent.events()));
    }
}

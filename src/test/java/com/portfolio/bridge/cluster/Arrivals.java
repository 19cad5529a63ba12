package com.portfolio.bridge.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What one member (a socket, a JMS subscriber) received: each event's sequence number and arrival time. */
public final class Arrivals {

    private record Arrival(int seq, long nanos) {
    }

    private final String name;
    private final List<Arrival> arrivals = new ArrayList<>();

    public Arrivals(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public synchronized void add(int seq) {
        arrivals.add(new Arrival(seq, System.nanoTime()));
    }

    public synchronized boolean hasAll(Collection<Integer> expected) {
        Set<Integer> seen = new HashSet<>();
        arrivals.forEach(a -> seen.add(a.seq()));
        return seen.containsAll(expected);
    }

    /** Arrivals of a number already seen, among numbers from {@code from} on. */
    synchronized int duplicates(int from) {
        return duplicates(from, Integer.MAX_VALUE);
    }

    /** Arrivals of a number already seen, among numbers from {@code from} to {@code to} inclusive. */
    public synchronized int duplicates(int from, int to) {
        Set<Integer> seen = new HashSet<>();
        return (int) arrivals.stream().filter(a -> a.seq() >= from && a.seq() <= to && !seen.add(a.seq())).count();
    }

    /** The distinct numbers received. */
    public synchronized Set<Integer> distinct() {
        Set<Integer> seen = new HashSet<>();
        arrivals.forEach(a -> seen.add(a.seq()));
        return seen;
    }

    /** The instant ({@link System#nanoTime()}) of the first arrival after {@code nanos}, or -1. */
    public synchronized long firstAfter(long nanos) {
        return arrivals.stream().mapToLong(Arrival::nanos).filter(n -> n > nanos).min().orElse(-1);
    }

    /** First arrivals of a number lower than one that came before it (from {@code from} on). */
    synchronized int outOfOrder(int from) {
        Set<Integer> seen = new HashSet<>();
        int highest = Integer.MIN_VALUE;
        int late = 0;
        for (Arrival a : arrivals) {
            if (a.seq() < from || !seen.add(a.seq())) {
                continue;
            }
            if (a.seq() < highest) {
                late++;
            }
            highest = Math.max(highest, a.seq());
        }
        return late;
    }

    /** The longest stretch without an arrival between two instants (either end counts as one). */
    public synchronized long longestSilenceMillis(long fromNanos, long toNanos) {
        long previous = fromNanos;
        long longest = 0;
        for (Arrival a : arrivals) {
            if (a.nanos() <= fromNanos || a.nanos() > toNanos) {
                continue;
            }
            longest = Math.max(longest, a.nanos() - previous);
            previous = a.nanos();
        }
        return Math.max(longest, toNanos - previous) / 1_000_000;
    }
}

package com.portfolio.bridge.bench;

import java.time.Duration;

/**
 * The outage scenario's sizes and timeline, from system properties ({@code -Dbench.outage.*}):
 * clients (half as many users, each with a socket on both nodes), publish rate, seconds of
 * publishing before the kill, seconds the broker (or the primary) stays down, seconds after it is
 * back, and the longest wait for the tail to drain.
 */
record OutageSettings(int clients, int rate, int beforeSeconds, int downSeconds, int afterSeconds, int drainSeconds) {

    static OutageSettings fromSystemProperties() {
        OutageSettings settings = new OutageSettings(
                Integer.getInteger("bench.outage.clients", 100),
                Integer.getInteger("bench.outage.rate", 100),
                Integer.getInteger("bench.outage.before-seconds", 10),
                Integer.getInteger("bench.outage.down-seconds", 20),
                Integer.getInteger("bench.outage.after-seconds", 15),
                Integer.getInteger("bench.outage.drain-seconds", 90));
        if (settings.clients < 2 || settings.clients % 2 != 0) {
            throw new IllegalArgumentException("bench.outage.clients must be even (one socket per user on each node)");
        }
        return settings;
    }

    int users() {
        return clients / 2;
    }

    Duration before() {
        return Duration.ofSeconds(beforeSeconds);
    }

    Duration down() {
        return Duration.ofSeconds(downSeconds);
    }

    Duration after() {
        return Duration.ofSeconds(afterSeconds);
    }

    Duration drain() {
        return Duration.ofSeconds(drainSeconds);
    }

    String describe() {
        return String.format("%d clients (%d users, a socket on each of 2 nodes), %d persistent notifications/s,"
                + " %d s of publishing, then the kill; down %d s; %d s more once back; drain up to %d s",
                clients, users(), rate, beforeSeconds, downSeconds, afterSeconds, drainSeconds);
    }
}

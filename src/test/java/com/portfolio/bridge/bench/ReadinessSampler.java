package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.LibertyNode;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Asks one node's {@code /health/ready} every 500 ms: the overall status and the bus check's
 * {@code connected}, to show what a load balancer and an operator would have seen during an outage.
 */
final class ReadinessSampler implements AutoCloseable {

    private static final long EVERY_MS = 500;

    /** status: UP, DOWN or "no answer"; connected: null without an answer. */
    record Sample(long nanos, String status, Boolean connected) {
    }

    private final LibertyNode node;
    private final List<Sample> samples = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService ticks = Executors.newSingleThreadScheduledExecutor();

    ReadinessSampler(LibertyNode node) {
        this.node = node;
        ticks.scheduleWithFixedDelay(this::sample, 0, EVERY_MS, TimeUnit.MILLISECONDS);
    }

    private void sample() {
        long at = System.nanoTime();
        try {
            sampleAt(at);
        } catch (RuntimeException e) {
            // An answer without the bus check (the app still starting): a thrown tick would end the schedule.
            samples.add(new Sample(at, "no answer", null));
        }
    }

    private void sampleAt(long at) {
        JsonObject answer = node.readiness();
        if (answer == null) {
            samples.add(new Sample(at, "no answer", null));
            return;
        }
        Boolean connected = answer.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(check -> "bus".equals(check.getString("name")))
                .map(check -> check.getJsonObject("data").getBoolean("connected"))
                .findFirst().orElse(null);
        samples.add(new Sample(at, answer.getString("status", "?"), connected));
    }

    /** e.g. "UP 80/80; connected=false 24.5 s": samples between two instants, and how long the bus was reported lost. */
    String summary(long fromNanos, long toNanos) {
        List<Sample> window = samples.stream().filter(s -> s.nanos() >= fromNanos && s.nanos() <= toNanos).toList();
        long up = window.stream().filter(s -> s.status().equals("UP")).count();
        long down = window.stream().filter(s -> s.status().equals("DOWN")).count();
        long silent = window.size() - up - down;
        long disconnectedNanos = 0;
        for (int i = 0; i + 1 < window.size(); i++) {
            if (Boolean.FALSE.equals(window.get(i).connected())) {
                disconnectedNanos += window.get(i + 1).nanos() - window.get(i).nanos();
            }
        }
        StringBuilder text = new StringBuilder("UP " + up + "/" + window.size());
        if (down > 0) {
            text.append(", DOWN ").append(down);
        }
        if (silent > 0) {
            text.append(", no answer ").append(silent);
        }
        return text.append("; connected=false ").append(String.format("%.1f s", disconnectedNanos / 1e9)).toString();
    }

    @Override
    public void close() {
        ticks.shutdownNow();
    }
}

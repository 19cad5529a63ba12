package com.portfolio.bridge.bench;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import org.json.JSONArray;
import org.json.JSONObject;

/** What the clients received after a publish: counts, when the last arrived, latencies (ms). */
record Deliveries(long received, double seconds, double[] latencies) {

    private static final long POLL_NANOS = 250_000_000L;
    private static final int IDLE_POLLS = 8;

    /**
     * Collects until {@code expected} deliveries arrived or none came for two seconds.
     * {@code seconds} runs from {@code publishStartNanos} to the last poll that saw progress.
     */
    static Deliveries collect(LoadWorkers workers, long expected, long publishStartNanos) throws Exception {
        long received = 0;
        long lastProgress = System.nanoTime();
        double[] latencies = new double[0];
        int idle = 0;
        while (received < expected && idle < IDLE_POLLS) {
            long before = received;
            for (JSONObject answer : workers.ask(new JSONObject().put("cmd", "stats").put("samples", true), 60)) {
                received += answer.getLong("received");
                latencies = append(latencies, answer.optJSONArray("latencies"));
            }
            if (received > before) {
                lastProgress = System.nanoTime();
                idle = 0;
            } else {
                idle++;
            }
            if (received < expected) {
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        Arrays.sort(latencies);
        return new Deliveries(received, (lastProgress - publishStartNanos) / 1e9, latencies);
    }

    private static double[] append(double[] into, JSONArray more) {
        if (more == null || more.isEmpty()) {
            return into;
        }
        double[] joined = Arrays.copyOf(into, into.length + more.length());
        for (int i = 0; i < more.length(); i++) {
            joined[into.length + i] = more.getDouble(i);
        }
        return joined;
    }

    double perSecond() {
        return received / seconds;
    }

    double percentile(double p) {
        return latencies.length == 0 ? Double.NaN : latencies[Math.min(latencies.length - 1, (int) (p * latencies.length))];
    }
}

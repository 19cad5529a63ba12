package com.portfolio.bridge.bench;

import com.portfolio.bridge.cluster.LibertyNode;
import com.portfolio.bridge.cluster.LocalCluster;
import com.portfolio.bridge.cluster.SteadyProducer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.logging.Logger;

/**
 * One phase of the outage scenario on a running cluster: the member sockets, the steady producer,
 * the readiness sampler, and the windows (table rows) the phase's broker events are cut into.
 */
final class OutageRun implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(OutageRun.class.getName());
    /** What a node logs (FINE, com.portfolio.bridge.bus.EventIntake) when it drops a redelivery. */
    static final String DROPPED = "dropped a redelivered";

    private final LocalCluster cluster;
    private final OutageSettings settings;
    private final OutageSockets sockets;
    private final SteadyProducer producer;
    private final ReadinessSampler readiness;
    private final List<OutageWindow> windows = new ArrayList<>();
    private OutageWindow.Snapshot last;

    OutageRun(LocalCluster cluster, String brokerUrl, OutageSettings settings) throws Exception {
        this.cluster = cluster;
        this.settings = settings;
        sockets = OutageSockets.connect(cluster, settings.users());
        producer = new SteadyProducer(brokerUrl, cluster.broker().user(), cluster.broker().password(), sockets.users());
        readiness = new ReadinessSampler(cluster.node(1));
        last = snapshot();
        producer.start(settings.rate());
    }

    /** A fixed part of the scenario's timeline (publishing before the kill, the broker down, ...). */
    void hold(Duration duration, String what) throws InterruptedException {
        LOG.info(() -> what + ": " + duration.toSeconds() + " s");
        Thread.sleep(duration.toMillis());
    }

    /** Ends the current window (if any) here and opens the next row. */
    OutageWindow begin(String phase) {
        endCurrent(System.nanoTime());
        OutageWindow window = new OutageWindow(phase, last);
        windows.add(window);
        producer.takeLongestSendMillis();
        return window;
    }

    private void endCurrent(long endNanos) {
        if (windows.isEmpty() || windows.get(windows.size() - 1).ended()) {
            return;
        }
        OutageWindow.Snapshot now = snapshot();
        last = new OutageWindow.Snapshot(endNanos, now.seq(), now.failedSends(), now.droppedByNodes(), now.disconnected());
        windows.get(windows.size() - 1).end(last, producer.takeLongestSendMillis());
    }

    /** Stops the producer, waits for the tail to reach every socket (or the drain limit), and gives the rows. */
    List<OutageRow> finish() throws InterruptedException {
        producer.stop();
        long stoppedAt = System.nanoTime();
        long drainStart = System.nanoTime();
        boolean drained = sockets.awaitAll(producer.accepted(), settings.drain());
        LOG.info(() -> (drained ? "drained in " : "NOT drained after ") + (System.nanoTime() - drainStart) / 1_000_000 + " ms");
        endCurrent(stoppedAt);
        return windows.stream().map(w -> w.row(producer.accepted(), sockets, readiness, settings.rate())).toList();
    }

    private OutageWindow.Snapshot snapshot() {
        return new OutageWindow.Snapshot(System.nanoTime(), producer.sent(), producer.failedSends(),
                redeliveriesDropped(), sockets.disconnected());
    }

    /** Drops both nodes have logged so far, from their trace logs (the bench turns that class's FINE on). */
    private int redeliveriesDropped() {
        int dropped = 0;
        for (LibertyNode node : cluster.nodes()) {
            try (Stream<Path> logs = Files.list(node.logs())) {
                for (Path log : logs.filter(p -> p.getFileName().toString().startsWith("trace")).toList()) {
                    try (Stream<String> lines = Files.lines(log)) {
                        dropped += (int) lines.filter(line -> line.contains(DROPPED)).count();
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dropped;
    }

    @Override
    public void close() throws Exception {
        try {
            readiness.close();
            producer.close();
        } finally {
            sockets.close();
        }
    }
}

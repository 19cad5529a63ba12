package com.portfolio.bridge.bus;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.realtime.Sequencer;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Per-key sequencing: tasks with the same key (a conversation, a user) run one after another in
 * the order they were submitted; different keys may run at once on different threads. Each
 * topic has one ordered consumer that submits, so publish order per key is emit order. A
 * {@link Lane} runs a task on the submitting thread when it is free, so an event is emitted on
 * its consumer's thread and acknowledged after that.
 */
@ApplicationScoped
public class KeyedLanes implements Sequencer {

    private static final Logger LOG = Logger.getLogger(KeyedLanes.class.getName());

    @Inject
    private BridgeConfig config;

    @Inject
    private BusActivity activity;

    private Lane[] lanes;

    @PostConstruct
    void start() {
        lanes = new Lane[config.bus().lanes()];
        Arrays.setAll(lanes, i -> new Lane(config.bus().laneCapacity()));
    }

    @PreDestroy
    void stop() {
        Arrays.stream(lanes).forEach(Lane::close);
    }

    @Override
    public void run(EventKind kind, String key, Runnable task) {
        int lane = Math.floorMod(31 * kind.hashCode() + key.hashCode(), lanes.length);
        lanes[lane].submit(() -> runLogged(kind, key, task));
    }

    private void runLogged(EventKind kind, String key, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // The event left the bus already; say loudly which one was not emitted.
            activity.countEmitFailure(kind);
            LOG.log(Level.SEVERE, kind + " event for " + key + " was not emitted", e);
        }
    }

    /** How long the longest-running task has been running, in ms (0 when every lane is idle). */
    public long longestRunningEmitMs() {
        long now = System.nanoTime();
        long longest = Arrays.stream(lanes).mapToLong(lane -> lane.runningNanos(now)).max().orElse(0);
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }
}

package com.portfolio.bridge.bus;

import com.portfolio.bridge.config.BridgeConfig;
import com.portfolio.bridge.vocabulary.EventKind;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import com.portfolio.bridge.realtime.Sequencer;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.IntStream;

/**
 * Per-key sequencing: events with the same key (a conversation, a user) run one after another
 * on the same lane, in the order they were submitted; different keys run concurrently. Each
 * topic has one ordered consumer that submits, so publish order per key is emit order.
 * A full lane blocks the consumer, which is the back-pressure the broker should see.
 */
@ApplicationScoped
public class KeyedLanes implements Sequencer {

    private static final Logger LOG = Logger.getLogger(KeyedLanes.class.getName());

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private BridgeConfig config;

    @Inject
    private BusActivity activity;

    private ThreadPoolExecutor[] lanes;
    // When each lane's running emit started (System.nanoTime, 0 when idle): health spots one that hangs.
    private AtomicLongArray runningSince;

    @PostConstruct
    void start() {
        lanes = new ThreadPoolExecutor[config.bus().lanes()];
        runningSince = new AtomicLongArray(lanes.length);
        for (int i = 0; i < lanes.length; i++) {
            lanes[i] = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                    new ArrayBlockingQueue<>(config.bus().laneCapacity()), threads, KeyedLanes::waitForRoom);
        }
    }

    @PreDestroy
    void stop() {
        Arrays.stream(lanes).forEach(ThreadPoolExecutor::shutdown);
    }

    @Override
    public void run(EventKind kind, String key, Runnable emit) {
        int lane = Math.floorMod(31 * kind.hashCode() + key.hashCode(), lanes.length);
        lanes[lane].execute(() -> {
            runningSince.set(lane, System.nanoTime() | 1);
            try {
                emit.run();
            } catch (RuntimeException e) {
                // The event left the bus already; say loudly which one was not emitted.
                activity.countEmitFailure(kind);
                LOG.log(Level.SEVERE, kind + " event for " + key + " was not emitted", e);
            } finally {
                runningSince.set(lane, 0);
            }
        });
    }

    /** How long the longest-running emit has been running, in ms (0 when every lane is idle). */
    public long longestRunningEmitMs() {
        long now = System.nanoTime();
        long longest = IntStream.range(0, runningSince.length()).mapToLong(runningSince::get).filter(since -> since != 0)
                .map(since -> now - since).max().orElse(0);
        return TimeUnit.NANOSECONDS.toMillis(longest);
    }

    private static void waitForRoom(Runnable task, ThreadPoolExecutor lane) {
        if (lane.isShutdown()) {
            throw new RejectedExecutionException("bridge stopping");
        }
        try {
            lane.getQueue().put(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RejectedExecutionException("interrupted while waiting for a lane", e);
        }
    }
}

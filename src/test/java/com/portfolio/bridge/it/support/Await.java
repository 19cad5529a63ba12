package com.portfolio.bridge.it.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Waits for server-side state that has no event to latch on (e.g. a disconnect being processed). */
public final class Await {

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) throws TimeoutException {
        until(what, Duration.ofSeconds(10), condition);
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) throws TimeoutException {
        until(what, limit, Duration.ofMillis(5), condition);
    }

    /**
     * Waits until each of {@code values} is at most its entry in {@code targets}, for as long as
     * they keep coming down: while one of them reached a new low within the last {@code quiet},
     * the answer is "not yet", however slowly a busy machine gets there. Fails when none has for
     * {@code quiet} (something holds them: a leak), or after {@code limit} in all.
     */
    public static void untilDown(String what, long[] targets, Supplier<long[]> values, Duration quiet, Duration limit,
            Duration every) throws TimeoutException {
        long start = System.nanoTime();
        long movedAt = start;
        long[] lows = null;
        while (true) {
            long[] now = values.get();
            boolean done = true;
            boolean moved = lows == null;
            if (lows == null) {
                lows = now.clone();
            }
            for (int i = 0; i < now.length; i++) {
                done &= now[i] <= targets[i];
                if (now[i] < lows[i]) {
                    lows[i] = now[i];
                    moved = true;
                }
            }
            if (done) {
                return;
            }
            long at = System.nanoTime();
            if (moved) {
                movedAt = at;
            }
            if (at - movedAt > quiet.toNanos() || at - start > limit.toNanos()) {
                throw new TimeoutException("timed out waiting until " + what + ": at " + Arrays.toString(now) + ", want "
                        + Arrays.toString(targets) + "; " + (at - movedAt > quiet.toNanos() ? "none came down for " + quiet
                        : "still coming down after " + limit));
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }

    /** @param every how often to ask, for a condition that costs the server work (a /metrics scrape) */
    public static void until(String what, Duration limit, Duration every, BooleanSupplier condition) throws TimeoutException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("timed out waiting until " + what);
            }
            LockSupport.parkNanos(every.toNanos());
        }
    }
}

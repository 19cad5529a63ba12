package com.portfolio.bridge.it.support;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

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

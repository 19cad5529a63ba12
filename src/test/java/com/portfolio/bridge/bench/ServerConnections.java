package com.portfolio.bridge.bench;

import java.io.IOException;
import java.util.concurrent.locks.LockSupport;

/** Waits on a server's count of held connections: nothing signals it, so it is polled. */
final class ServerConnections {

    private static final long POLL_NANOS = 250_000_000L;

    private ServerConnections() {
    }

    /** Seconds until the server held at most {@code count} connections, or NaN after {@code timeoutSeconds}. */
    static double awaitAtMost(Target target, int count, double timeoutSeconds) throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + (long) (timeoutSeconds * 1e9);
        while (true) {
            try {
                if (target.connections() <= count) {
                    return (System.nanoTime() - start) / 1e9;
                }
            } catch (IOException | RuntimeException busy) {
                // At the open-file limit a server may not answer this request either; ask again.
            }
            if (System.nanoTime() > deadline) {
                return Double.NaN;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }
}

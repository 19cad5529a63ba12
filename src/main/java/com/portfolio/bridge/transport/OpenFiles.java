package com.portfolio.bridge.transport;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.util.concurrent.TimeUnit;

/** The process's open-file limit and how many it has open (sampled: counting them lists /proc/self/fd). */
final class OpenFiles {

    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final UnixOperatingSystemMXBean unix;
    private volatile long sampledAt;
    private volatile long open;

    OpenFiles() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        this.unix = os instanceof UnixOperatingSystemMXBean u ? u : null;
    }

    /** The soft limit, or {@link Long#MAX_VALUE} where the platform does not say. */
    long limit() {
        return unix == null ? Long.MAX_VALUE : unix.getMaxFileDescriptorCount();
    }

    /** Open descriptors as of at most 200 ms ago (0 where the platform does not say). */
    long open() {
        if (unix == null) {
            return 0;
        }
        long now = System.nanoTime();
        if (now - sampledAt > SAMPLE_NANOS) {
            open = unix.getOpenFileDescriptorCount();
            sampledAt = now;
        }
        return open;
    }
}

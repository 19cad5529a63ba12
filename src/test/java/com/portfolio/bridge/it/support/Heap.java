package com.portfolio.bridge.it.support;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Heap in use after a full collection, for "memory returns to baseline" checks in the server. */
public final class Heap {

    /** Growth tolerated between two measurements: far below what a per-connection leak costs. */
    public static final long TOLERANCE_BYTES = 64L * 1024 * 1024;

    private Heap() {
    }

    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            memory.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}

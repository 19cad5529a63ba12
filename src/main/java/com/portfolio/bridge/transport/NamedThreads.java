package com.portfolio.bridge.transport;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Liberty's managed threads, named, so a thread dump tells the bridge's own (bounded) waits from a wedged shared thread. */
final class NamedThreads {

    private NamedThreads() {
    }

    static ThreadFactory of(ManagedThreadFactory threads, String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = threads.newThread(task);
            thread.setName(prefix + count.incrementAndGet());
            return thread;
        };
    }
}

package com.portfolio.bridge.vocabulary;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Liberty's managed threads, named, so a thread dump tells the bridge's own (bounded) waits from a wedged shared thread. */
public final class NamedThreads {

    private NamedThreads() {
    }

    public static ThreadFactory of(ThreadFactory threads, String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = threads.newThread(task);
            thread.setName(prefix + count.incrementAndGet());
            return thread;
        };
    }
}

package com.portfolio.bridge.transport;

import com.portfolio.bridge.vocabulary.NamedThreads;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads that write long-polling answers, off the engine's session lock and off Liberty's
 * shared executor. A write to a stalled client blocks a thread until Liberty's write timeout
 * ({@code write-stall-ms}), so each answer gets an idle or a new thread, up to {@value #MAX_THREADS};
 * only past that many stalled at once do answers queue. Idle threads end after 30 s.
 */
@ApplicationScoped
public class PollWriters implements Executor {

    static final int MAX_THREADS = 512;

    @Resource
    private ManagedThreadFactory threads;

    private ThreadPoolExecutor pool;

    @PostConstruct
    void start() {
        pool = handOffPool(NamedThreads.of(threads, "portfolio-poll-writer-"), MAX_THREADS);
    }

    /** A pool that starts a thread rather than queue a task, up to {@code max}, then queues. */
    static ThreadPoolExecutor handOffPool(ThreadFactory threads, int max) {
        HandOff queue = new HandOff();
        return new ThreadPoolExecutor(0, max, 30, TimeUnit.SECONDS, queue, threads, (task, full) -> {
            if (full.isShutdown()) {
                throw new RejectedExecutionException("stopping");
            }
            queue.enqueue(task);
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Override
    public void execute(Runnable answer) {
        pool.execute(answer);
    }

    /** Offers a task only to an idle thread, so the pool starts a new one rather than queue. */
    private static final class HandOff extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}

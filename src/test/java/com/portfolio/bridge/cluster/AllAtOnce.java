package com.portfolio.bridge.cluster;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;

/**
 * Runs a step for each of several servers at once, a thread each (a server start or stop is
 * mostly waiting; the common pool runs no more at once than the machine has cores, less one),
 * and returns when all are done.
 */
final class AllAtOnce {

    interface Step<T> {
        void run(T item) throws Exception;
    }

    private AllAtOnce() {
    }

    /**
     * @param name an item's name, for its thread and its failure
     * @throws IllegalStateException for the first item whose step failed (the others still ran to the end)
     */
    static <T> void run(List<T> items, Function<T, String> name, Step<T> step) {
        List<CompletableFuture<Void>> steps = new ArrayList<>();
        for (T item : items) {
            steps.add(begin(item, name, step));
        }
        join(steps);
    }

    /** Starts {@code step} for {@code item} on a thread of its own; the future fails as {@link #run} does. */
    static <T> CompletableFuture<Void> begin(T item, Function<T, String> name, Step<T> step) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                step.run(item);
                done.complete(null);
            } catch (Exception | Error e) {
                done.completeExceptionally(new IllegalStateException(name.apply(item) + " failed: " + e.getMessage(), e));
            }
        }, "all-at-once-" + name.apply(item));
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    /** Waits for every one of {@code steps}; throws the first failure, as {@link #run}. */
    static void join(List<CompletableFuture<Void>> steps) {
        try {
            CompletableFuture.allOf(steps.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw (IllegalStateException) e.getCause();
        }
    }
}

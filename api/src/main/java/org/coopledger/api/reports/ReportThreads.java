package org.coopledger.api.reports;

import org.springframework.stereotype.Component;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Lets one report run its independent queries side by side: the portfolio's snapshot and its
 * flows each take one database core, and the machine the ledger targets has two. Two threads,
 * a short queue, and the caller runs the query itself when both are busy, so a burst of reports
 * neither queues without bound nor fails.
 */
@Component
class ReportThreads implements AutoCloseable {

    private static final int THREADS = 2;

    private final ThreadPoolExecutor executor;

    ReportThreads() {
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new ArrayBlockingQueue<>(THREADS),
                task -> {
                    Thread thread = new Thread(task, "report-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Starts {@code query} on a report thread (or on this one when they are busy). */
    <T> CompletableFuture<T> start(Supplier<T> query) {
        return CompletableFuture.supplyAsync(query, executor);
    }

    /** The query's result, or the exception it threw, as if it had run on this thread. */
    static <T> T result(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

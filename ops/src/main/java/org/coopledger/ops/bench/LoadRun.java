package org.coopledger.ops.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs the clients through warm-up and measured window, and merges what they saw. */
final class LoadRun {

    private LoadRun() {
    }

    /** @param ratePerSecond 0 for closed loop */
    static OperationStats run(LedgerHttp teller, OperationMix mix, Requests requests, int clients,
                              double ratePerSecond, Duration warmup, Duration duration) {
        return run(teller, mix, requests, clients, ratePerSecond, warmup, duration, () -> { });
    }

    /**
     * @param atMeasureStart run once when the warm-up ends and the measured window opens, on a
     *                       thread of its own; the run returns only after it has finished
     */
    static OperationStats run(LedgerHttp teller, OperationMix mix, Requests requests, int clients,
                              double ratePerSecond, Duration warmup, Duration duration, Runnable atMeasureStart) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + duration.toNanos();
        Pacer pacer = ratePerSecond > 0 ? new Pacer(start, clients, ratePerSecond) : null;
        List<LoadClient> all = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            all.add(new LoadClient(i, teller, mix, requests, pacer, measureFrom, end));
        }
        OperationStats merged = new OperationStats();
        ExecutorService threads = Executors.newFixedThreadPool(clients, named("bench-client"));
        try (WindowStart<Object> opened = new WindowStart<>(measureFrom, Executors.callable(atMeasureStart))) {
            List<Future<?>> running = new ArrayList<>();
            all.forEach(client -> running.add(threads.submit(client)));
            for (Future<?> client : running) {
                client.get();
            }
            opened.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("benchmark interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark client failed", e.getCause());
        } finally {
            threads.shutdownNow();
        }
        all.forEach(client -> merged.add(client.stats()));
        return merged;
    }

    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}

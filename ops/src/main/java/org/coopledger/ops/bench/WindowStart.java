package org.coopledger.ops.bench;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Something a run does once, when its warm-up ends and its measured window opens (start
 * counting the database's work), on a thread of its own so that no client pauses for it.
 */
final class WindowStart<T> implements AutoCloseable {

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(LoadRun.named("bench-window"));
    private final Future<T> result;

    /** @param measureFrom the window's start, on {@link System#nanoTime()}'s clock */
    WindowStart(long measureFrom, Callable<T> action) {
        this.result = thread.schedule(action, measureFrom - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** What the action returned; waits for it if the window has not opened yet. */
    T get() throws InterruptedException, ExecutionException {
        return result.get();
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}

package org.coopledger.reporting;

import org.axonframework.common.AxonThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The threads of the projections processor, logging what kills one of their tasks. Axon's pooled
 * processor catches the exceptions of its tasks, but an {@link Error} (an assertion inside the
 * JDBC driver, a stack overflow in a handler) ends the task inside its {@link Future}, unseen: the
 * work package never completes its abort, the coordinator waits for it, and the projections stop
 * until a restart. That cannot be undone from outside Axon, so it must at least be said loudly.
 */
final class FailureLoggingExecutor extends ScheduledThreadPoolExecutor {

    private static final Logger log = LoggerFactory.getLogger(FailureLoggingExecutor.class);

    private final String name;

    FailureLoggingExecutor(String name, int threads) {
        super(threads, new AxonThreadFactory(name));
        this.name = name;
    }

    @Override
    protected void afterExecute(Runnable task, Throwable thrown) {
        super.afterExecute(task, thrown);
        Throwable failure = thrown != null ? thrown : failureOf(task);
        if (failure != null) {
            log.error("A task of '{}' ended with {}; the projections may stop until the ledger restarts"
                    + " (GET /api/v1/admin/projections shows their lag)", name, failure.toString(), failure);
        }
    }

    /** What a finished {@link Future} task threw; null while it runs again (periodic) or when it returned. */
    private static Throwable failureOf(Runnable task) {
        if (!(task instanceof Future<?> future) || !future.isDone() || future.isCancelled()) {
            return null;
        }
        try {
            future.get();
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

package org.coopledger.api.idempotency;

import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.dao.DuplicateKeyException;

import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Reruns a whole transaction that lost a race it could win on a second try: another request
 * appended to the same aggregate first (Axon's ConcurrencyException, or the event table's unique
 * key), or PostgreSQL chose it as a deadlock or serialization victim. Everything the attempt did
 * was rolled back, so running it again is safe. Any other failure is final.
 */
final class OptimisticRetry {

    /** Attempts after the first. */
    static final int MAX_RETRIES = 5;
    private static final long BACKOFF_STEP_MILLIS = 10;
    private static final Set<String> RETRYABLE_SQL_STATES = Set.of("40P01", "40001");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_CAUSE_DEPTH = 16;

    private OptimisticRetry() {
    }

    /** @param onRerun told before each rerun, to count them */
    static <T> T run(Supplier<T> transaction, Runnable onRerun) {
        for (int retry = 0; ; retry++) {
            try {
                return transaction.get();
            } catch (RuntimeException failure) {
                if (retry >= MAX_RETRIES || !isTransient(failure)) {
                    throw failure;
                }
                pause(retry);
                onRerun.run();
            }
        }
    }

    static boolean isTransient(Throwable failure) {
        boolean eventStore = false;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSE_DEPTH; t = t.getCause(), depth++) {
            if (t instanceof ConcurrencyException || t instanceof KeyStoredMeanwhile) {
                return true;
            }
            // Not every SQLException has a state (a broken connection's often has none), and
            // Set.of(...).contains(null) throws: that turned a database outage into a 500.
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && RETRYABLE_SQL_STATES.contains(sql.getSQLState())) {
                return true;
            }
            eventStore |= t instanceof EventStoreException;
            if (eventStore && isUniqueViolation(t)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(Throwable t) {
        return t instanceof DuplicateKeyException
                || t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
    }

    /** Random, growing pauses, so that two racing requests do not collide again in step. */
    private static void pause(int retry) {
        long millis = BACKOFF_STEP_MILLIS * (retry + 1) + ThreadLocalRandom.current().nextLong(BACKOFF_STEP_MILLIS * 2);
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }

    /** Our own insert of a key met a row stored by another transaction: rerun, which replays it. */
    static final class KeyStoredMeanwhile extends RuntimeException {
        KeyStoredMeanwhile(Throwable cause) {
            super("idempotency key stored by a concurrent transaction", cause, false, false);
        }
    }
}

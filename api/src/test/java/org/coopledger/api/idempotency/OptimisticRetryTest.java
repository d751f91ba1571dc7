package org.coopledger.api.idempotency;

import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which failures of a keyed transaction are worth running it again. */
class OptimisticRetryTest {

    @Test
    void anSqlExceptionWithoutAStateIsNotTransientAndDoesNotBreakTheCheck() {
        assertThat(OptimisticRetry.isTransient(new IllegalStateException("wrapped", new SQLException("I/O error")))).isFalse();
    }

    @Test
    void aDeadlockIsTransient() {
        assertThat(OptimisticRetry.isTransient(new IllegalStateException("wrapped", new SQLException("deadlock", "40P01"))))
                .isTrue();
    }

    @Test
    void aFailureThatIsNotTransientReachesTheCallerUnchangedAfterOneAttempt() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalStateException outage = new IllegalStateException("connection lost", new SQLException("I/O error"));

        AtomicInteger reruns = new AtomicInteger();
        assertThatThrownBy(() -> OptimisticRetry.run(() -> {
            attempts.incrementAndGet();
            throw outage;
        }, reruns::incrementAndGet)).isSameAs(outage);
        assertThat(attempts).hasValue(1);
        assertThat(reruns).hasValue(0);
    }

    @Test
    void aLostRaceIsRerunAndEachRerunIsCounted() {
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger reruns = new AtomicInteger();
        String result = OptimisticRetry.run(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IllegalStateException("lost", new SQLException("deadlock", "40P01"));
            }
            return "done";
        }, reruns::incrementAndGet);
        assertThat(result).isEqualTo("done");
        assertThat(attempts).hasValue(3);
        assertThat(reruns).hasValue(2);
    }
}

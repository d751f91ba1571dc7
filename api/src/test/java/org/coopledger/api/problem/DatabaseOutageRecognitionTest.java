package org.coopledger.api.problem;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is unreachable", however deeply they are wrapped. */
class DatabaseOutageRecognitionTest {

    @Test
    void connectionFailuresAreOutagesWhereverTheySitInTheChain() {
        SQLTransientConnectionException hikari = new SQLTransientConnectionException("ledger - Connection is not available");
        assertThat(DatabaseOutage.isCause(new CannotGetJdbcConnectionException("no connection", hikari))).isTrue();
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("no transaction"))).isTrue();
        assertThat(DatabaseOutage.isCause(new CommandExecutionException("failed", new EventStoreException("append",
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("An I/O error occurred", "08006"))).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolHasClosedIsAnOutage() {
        // Seen in DatabaseOutageTest: the rollback after a lost connection fails with Hikari's
        // "Connection is closed", which has no SQL state.
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        assertThat(DatabaseOutage.isCause(rollback)).isTrue();

        TransactionSystemException noJdbcCause = new TransactionSystemException("rollback failed");
        noJdbcCause.initApplicationException(new CannotGetJdbcConnectionException("no connection"));
        assertThat(DatabaseOutage.isCause(noJdbcCause)).isTrue();
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("rolled back: marked rollback-only"))).isFalse();
    }

    @Test
    void aUserLookupThatFailedOnTheDatabaseIs503Not401() {
        InternalAuthenticationServiceException lookup = new InternalAuthenticationServiceException("lookup failed",
                new CannotGetJdbcConnectionException("no connection", new SQLTransientConnectionException("timeout")));

        Problem problem = KnownFailures.find(lookup).orElseThrow();

        assertThat(problem.status().value()).isEqualTo(503);
        assertThat(problem.code()).isEqualTo("DATABASE_UNAVAILABLE");
        assertThat(problem.toResponseEntity().getHeaders().getFirst("Retry-After")).isEqualTo("5");
    }

    @Test
    void otherFailuresAreNotOutages() {
        assertThat(DatabaseOutage.isCause(new BadCredentialsException("wrong password"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("deadlock detected", "40P01"))).isFalse();
        assertThat(DatabaseOutage.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("bug"))).isFalse();
    }
}

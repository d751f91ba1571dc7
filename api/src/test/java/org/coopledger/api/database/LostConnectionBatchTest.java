package org.coopledger.api.database;

import org.coopledger.api.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.postgresql.jdbc.PgConnection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A JDBC batch on a connection the server has ended fails with an {@link SQLException}, also with
 * assertions on. pgJDBC up to 42.7.8 threw an {@link AssertionError} there (pgjdbc#1458, fixed by
 * #4187). An Error escapes Axon's pooled processor: the work package's task dies without
 * completing its abort, the coordinator waits for that abort forever, and the projections stall
 * after a database outage until the ledger restarts ({@code DatabaseOutageTest} failed so about
 * one run in four). Surefire runs tests with {@code -ea}; a production JVM usually does not, but
 * may.
 */
class LostConnectionBatchTest {

    @Test
    void aBatchOnAConnectionTheServerEndedFailsWithAnSqlExceptionNotAnError() throws SQLException {
        assertThat(PgConnection.class.desiredAssertionStatus())
                .as("the driver's assertions must be on (Surefire's -ea) for this test to prove anything")
                .isTrue();
        TestDatabase.Database db = TestDatabase.shared().freshDatabase();
        try (Connection victim = DriverManager.getConnection(db.url(), db.username(), db.password());
             Connection admin = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            try (Statement statement = victim.createStatement()) {
                statement.execute("CREATE TABLE batch_probe (id int)");
            }
            victim.setAutoCommit(false);
            int pid = ((PgConnection) victim).getBackendPID();
            try (PreparedStatement terminate = admin.prepareStatement("SELECT pg_terminate_backend(?)")) {
                terminate.setInt(1, pid);
                terminate.execute();
            }
            try (PreparedStatement insert = victim.prepareStatement("INSERT INTO batch_probe VALUES (?)")) {
                for (int i = 0; i < 3; i++) {
                    insert.setInt(1, i);
                    insert.addBatch();
                }
                assertThatThrownBy(insert::executeBatch).isInstanceOf(SQLException.class);
            }
        }
    }
}

package org.coopledger.api.database;

import com.zaxxer.hikari.HikariDataSource;
import org.coopledger.api.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The ledger's transactions are bounded by PostgreSQL, not by Axon's time limits (which are off):
 * a connection of the ledger's pool has its statements cancelled past the statement timeout and
 * its session ended when it idles inside a transaction past the second bound.
 */
class DatabaseTimeBoundsTest {

    private static HikariDataSource pool(Duration statementTimeout, Duration idleInTransactionTimeout) {
        TestDatabase.Database db = TestDatabase.shared().freshDatabase();
        DatabaseProperties properties = new DatabaseProperties(db.url(), db.username(), db.password(), null, 0, false, 2,
                Duration.ofSeconds(2), statementTimeout, idleInTransactionTimeout);
        return new DatabaseConfiguration().dataSource(properties,
                new StaticListableBeanFactory().getBeanProvider(EmbeddedPostgresServer.class));
    }

    @Test
    void aStatementRunningPastTheStatementTimeoutIsCancelledByTheServer() throws SQLException {
        try (HikariDataSource pool = pool(Duration.ofMillis(300), Duration.ofSeconds(60));
             Connection connection = pool.getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_sleep(0.05)");
            assertThatThrownBy(() -> statement.execute("SELECT pg_sleep(5)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("57014"));
        }
    }

    @Test
    void aSessionLeftIdleInsideATransactionIsEndedAndItsWorkRolledBack() throws Exception {
        try (HikariDataSource pool = pool(Duration.ofSeconds(60), Duration.ofMillis(300))) {
            try (Connection setup = pool.getConnection(); Statement statement = setup.createStatement()) {
                statement.execute("CREATE TABLE bound_probe (id int)");
            }
            try (Connection stuck = pool.getConnection()) {
                stuck.setAutoCommit(false);
                try (Statement statement = stuck.createStatement()) {
                    statement.execute("INSERT INTO bound_probe VALUES (1)");
                }
                Thread.sleep(1_500);
                assertThatThrownBy(() -> {
                    try (Statement statement = stuck.createStatement()) {
                        statement.execute("SELECT 1");
                    }
                    stuck.commit();
                }).isInstanceOf(SQLException.class);
            }
            try (Connection check = pool.getConnection(); Statement statement = check.createStatement();
                 var rows = statement.executeQuery("SELECT count(*) FROM bound_probe")) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    @Test
    void theDefaultsBoundStatementsAndIdleTransactionsToOneMinute() {
        DatabaseProperties defaults = new DatabaseProperties(null, null, null, null, 0, false, 2, null, null, null);
        assertThat(defaults.statementTimeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(defaults.idleInTransactionTimeout()).isEqualTo(Duration.ofSeconds(60));
    }
}

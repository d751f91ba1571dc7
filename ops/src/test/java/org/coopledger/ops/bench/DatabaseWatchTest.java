package org.coopledger.ops.bench;

import org.coopledger.api.database.EmbeddedPostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** What {@link DatabaseWatch} counts is what ran in its window, on a real PostgreSQL 17 keeping pg_stat_statements. */
class DatabaseWatchTest {

    @TempDir
    static Path folder;
    static EmbeddedPostgresServer server;
    static DatabaseTarget db;

    @BeforeAll
    static void start() throws SQLException {
        server = EmbeddedPostgresServer.start(folder, 0, true);
        db = new DatabaseTarget(server.jdbcUrl("postgres"), "postgres", null);
        try (Connection connection = db.open(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE watched (id INT PRIMARY KEY, note TEXT)");
        }
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theWindowCountsItsOwnStatementsAndCommitsAndNothingFromBefore() throws Exception {
        insert(0, 7);
        DatabaseWatch watch = DatabaseWatch.start(db);
        insert(100, 25);
        // pg_stat_database hears of a backend's commits when it reports, at most a second late.
        Thread.sleep(1_500);
        DatabaseFigures figures = watch.figures(25, "posting");

        assertThat(figures.statementsKnown()).isTrue();
        DatabaseFigures.Statement inserts = figures.top().stream()
                .filter(s -> s.text().startsWith("INSERT INTO watched")).findFirst().orElseThrow();
        assertThat(inserts.calls()).isEqualTo(25);
        assertThat(inserts.rows()).isEqualTo(25);
        assertThat(inserts.millis()).isPositive();
        assertThat(figures.calls()).isGreaterThanOrEqualTo(25);
        assertThat(figures.commits()).isGreaterThanOrEqualTo(25);
        assertThat(figures.perOperation(inserts.calls())).isEqualTo(1.0);
        assertThat(figures.cpu().databaseSeconds()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aServerWithoutStatementStatisticsStillGivesTransactionsAndSaysWhyNoStatements(@TempDir Path plain)
            throws Exception {
        try (EmbeddedPostgresServer without = EmbeddedPostgresServer.start(plain, 0)) {
            DatabaseTarget target = new DatabaseTarget(without.jdbcUrl("postgres"), "postgres", null);
            DatabaseWatch watch = DatabaseWatch.start(target);
            DatabaseFigures figures = watch.figures(1, "posting");

            assertThat(figures.statementsKnown()).isFalse();
            assertThat(figures.statements()).contains("pg_stat_statements is not available");
            assertThat(figures.top()).isEmpty();
            assertThat(figures.commits()).isGreaterThanOrEqualTo(0);
        }
    }

    /** Autocommit: one transaction per row. */
    private static void insert(int from, int rows) throws SQLException {
        try (Connection connection = db.open();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO watched (id, note) VALUES (?, ?)")) {
            for (int i = from; i < from + rows; i++) {
                insert.setInt(1, i);
                insert.setString(2, "row " + i);
                insert.executeUpdate();
            }
        }
    }
}

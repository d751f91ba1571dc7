package org.coopledger.reporting;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * A real PostgreSQL for one test class, migrated with every migration on the classpath
 * (ledger-core's and this module's), exactly as the application migrates it.
 */
public final class ReportingDatabase implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;

    private ReportingDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        DataSource dataSource = postgres.getPostgresDatabase();
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new DataSourceTransactionManager(dataSource);
    }

    public static ReportingDatabase start() {
        try {
            return new ReportingDatabase(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
    }

    public DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** The transaction manager the projections' savepoints use, as Spring Boot configures it. */
    public PlatformTransactionManager transactions() {
        return transactions;
    }

    public long count(String table) {
        Long rows = jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
        return rows == null ? 0 : rows;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

package org.coopledger.ops.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.coopledger.api.database.EmbeddedPostgresServer;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/**
 * Which ledger database to open: an external PostgreSQL by URL (as the server's
 * {@code LEDGER_DB_URL}), or the embedded default's data folder — the ledger must be stopped
 * then, since one data folder serves one PostgreSQL at a time.
 */
final class DatabaseOptions {

    @Option(names = "--db-url", defaultValue = "${env:LEDGER_DB_URL}", description = "JDBC URL (default: $LEDGER_DB_URL)")
    String url;

    @Option(names = "--db-user", defaultValue = "${env:LEDGER_DB_USER:-postgres}", description = "database user")
    String user;

    @Option(names = "--db-password", defaultValue = "${env:LEDGER_DB_PASSWORD}", description = "database password")
    String password;

    @Option(names = "--data-dir", defaultValue = "${env:LEDGER_DATA_DIR:-./data}",
            description = "data folder of the embedded default, used when no URL is given")
    Path dataDir;

    /** An open database; closing it also stops an embedded server started for it. */
    record OpenDatabase(HikariDataSource dataSource, EmbeddedPostgresServer embedded) implements AutoCloseable {
        @Override
        public void close() {
            dataSource.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    OpenDatabase open() {
        HikariConfig config = new HikariConfig();
        config.setPoolName("ledgerctl");
        config.setMaximumPoolSize(4);
        EmbeddedPostgresServer embedded = null;
        if (url == null || url.isBlank()) {
            embedded = EmbeddedPostgresServer.start(dataDir, 0);
            config.setJdbcUrl(embedded.jdbcUrl("postgres"));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(url);
            config.setUsername(user);
            config.setPassword(password);
        }
        return new OpenDatabase(new HikariDataSource(config), embedded);
    }
}

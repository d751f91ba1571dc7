package org.coopledger.api.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the ledger's PostgreSQL is. With no {@code url} the ledger runs its own embedded
 * PostgreSQL whose data lives under {@code dataDir} and survives restarts.
 *
 * @param url        JDBC URL of an external PostgreSQL ({@code LEDGER_DB_URL}); blank = embedded
 * @param username   user for the external server ({@code LEDGER_DB_USER})
 * @param password   password for the external server ({@code LEDGER_DB_PASSWORD}); never logged
 * @param dataDir    folder for the embedded server's data ({@code LEDGER_DATA_DIR})
 * @param embeddedPort port of the embedded server; 0 picks a free one
 * @param embeddedStatementStatistics whether the embedded server keeps pg_stat_statements
 *                          ({@code LEDGER_EMBEDDED_DB_STATEMENT_STATISTICS}), for a benchmark
 * @param poolSize   connections in the pool
 * @param connectionTimeout how long a request waits for a connection before it is answered 503
 * @param statementTimeout  longest any one statement of the ledger may run before PostgreSQL cancels it
 * @param idleInTransactionTimeout longest a transaction may sit open with nothing sent before
 *                          PostgreSQL ends the session (a stuck or paused node releases its locks)
 */
@ConfigurationProperties(prefix = "ledger.db")
public record DatabaseProperties(String url, String username, String password, Path dataDir,
                                 int embeddedPort, boolean embeddedStatementStatistics, int poolSize, Duration connectionTimeout,
                                 Duration statementTimeout, Duration idleInTransactionTimeout) {

    public DatabaseProperties {
        if (connectionTimeout == null) {
            connectionTimeout = Duration.ofSeconds(2);
        }
        if (statementTimeout == null) {
            statementTimeout = Duration.ofSeconds(60);
        }
        if (idleInTransactionTimeout == null) {
            idleInTransactionTimeout = Duration.ofSeconds(60);
        }
        if (statementTimeout.toMillis() < 1 || idleInTransactionTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("ledger.db.statement-timeout and idle-in-transaction-timeout must be positive");
        }
    }

    public boolean embedded() {
        return url == null || url.isBlank();
    }

    @Override
    public String toString() {
        return "DatabaseProperties[url=" + url + ", username=" + username + ", dataDir=" + dataDir + "]";
    }
}

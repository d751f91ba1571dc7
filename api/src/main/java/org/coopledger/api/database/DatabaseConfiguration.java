package org.coopledger.api.database;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Condition;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** One DataSource: an external PostgreSQL when {@code ledger.db.url} is set, else the embedded one. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(NoDatabaseUrl.class)
    EmbeddedPostgresServer embeddedPostgresServer(DatabaseProperties properties) {
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedPort(),
                properties.embeddedStatementStatistics());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseProperties properties, ObjectProvider<EmbeddedPostgresServer> embedded) {
        HikariConfig config = new HikariConfig();
        if (properties.embedded()) {
            EmbeddedPostgresServer server = embedded.getObject();
            config.setJdbcUrl(server.jdbcUrl("postgres"));
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(properties.url());
            config.setUsername(properties.username());
            config.setPassword(properties.password());
        }
        // PostgreSQL quotes failing rows in its error messages; rows hold personal data.
        config.addDataSourceProperty("logServerErrorDetail", "false");
        // No JIT compilation of queries: the ledger's statements and reports are index-driven and
        // short, and PostgreSQL's JIT (on by default where it is built in) spent 1.4 s compiling a
        // portfolio query that runs in a fraction of that (docs/PERFORMANCE.md, "Reports").
        //
        // The time bounds are the server's: a statement running longer than statement-timeout is
        // cancelled, and a session idle inside a transaction longer than idle-in-transaction-timeout
        // is ended, which rolls it back and frees its locks. They replace Axon's unit-of-work time
        // limits (axon.timeout.enabled=false in application.yml), which cost a Thread.getStackTrace
        // per command (6 % of a posting's CPU, docs/PERFORMANCE.md) and could only interrupt a
        // thread, which does not stop a JDBC call waiting on its socket.
        config.addDataSourceProperty("options", "-c jit=off"
                + " -c statement_timeout=" + properties.statementTimeout().toMillis()
                + " -c idle_in_transaction_session_timeout=" + properties.idleInTransactionTimeout().toMillis());
        // And the client's: a connection whose server stopped answering (a half-open TCP
        // connection after a network fault) fails instead of holding a request thread forever.
        // Longer than the statement timeout, so a slow statement is the server's to cancel.
        config.addDataSourceProperty("socketTimeout",
                String.valueOf(properties.statementTimeout().plusSeconds(30).toSeconds()));
        // A JDBC batch of INSERTs goes as multi-row INSERTs: fewer statements for the server to
        // parse, plan and run for the event store's appends and the projections' batched rows
        // (docs/PERFORMANCE.md). Nothing here reads a batch's per-row update counts, which the
        // rewrite reports as SUCCESS_NO_INFO.
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.setPoolName("ledger");
        config.setMaximumPoolSize(properties.poolSize());
        // Fail fast instead of queueing requests for 30 s when the database is gone (see application.yml).
        config.setConnectionTimeout(properties.connectionTimeout().toMillis());
        config.setAutoCommit(true);
        return new HikariDataSource(config);
    }

    static final class NoDatabaseUrl implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !StringUtils.hasText(context.getEnvironment().getProperty("ledger.db.url"));
        }
    }
}

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
        return EmbeddedPostgresServer.start(properties.dataDir(), properties.embeddedPort());
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
        config.addDataSourceProperty("options", "-c jit=off");
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

package org.coopledger.reporting.chain;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import javax.sql.DataSource;
import java.time.Duration;

/**
 * The event chain in a Spring Boot application: the keeper that extends it (on unless
 * {@code ledger.chain.keeper.enabled=false}), its verifier and the head query.
 */
@AutoConfiguration(after = {JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class})
public class ChainConfiguration {

    @Bean
    public ChainSettings chainSettings(@Value("${ledger.chain.interval:500ms}") Duration interval,
                                       @Value("${ledger.chain.batch-size:1000}") int batchSize,
                                       @Value("${ledger.chain.gap-window:60s}") Duration gapWindow,
                                       @Value("${ledger.chain.checkpoint-every:10000}") long checkpointEvery) {
        return new ChainSettings(interval, batchSize, gapWindow, checkpointEvery);
    }

    @Bean
    @ConditionalOnProperty(name = "ledger.chain.keeper.enabled", matchIfMissing = true)
    public ChainKeeper chainKeeper(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ChainSettings settings) {
        return new ChainKeeper(jdbc, transactionManager, settings);
    }

    @Bean
    public ChainVerifier chainVerifier(DataSource dataSource) {
        return new ChainVerifier(dataSource);
    }

    @Bean
    public ChainQueries chainQueries(JdbcTemplate jdbc) {
        return new ChainQueries(jdbc);
    }
}

package org.coopledger.reporting;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import javax.sql.DataSource;
import java.io.IOException;

/**
 * The reporting module as a Spring Boot application on a PostgreSQL of its own, for tests that
 * run it whole. PostgreSQL is a bean, so that it stops only after the processors that read it.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class EmbeddedPostgresApplication {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        return EmbeddedPostgres.builder().start();
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres) {
        return postgres.getPostgresDatabase();
    }
}

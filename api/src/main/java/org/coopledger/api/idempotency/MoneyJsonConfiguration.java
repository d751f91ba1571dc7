package org.coopledger.api.idempotency;

import com.fasterxml.jackson.databind.Module;
import org.coopledger.core.money.MoneyModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Money in the HTTP API looks as it does in stored events, {@code {"amount": "125.50",
 * "currency": "JOD"}}: Spring Boot adds every {@link Module} bean to its ObjectMapper, which
 * writes the responses and the stored idempotent replies, and computes request fingerprints.
 */
@Configuration(proxyBeanMethods = false)
public class MoneyJsonConfiguration {

    @Bean
    Module moneyModule() {
        return new MoneyModule();
    }
}

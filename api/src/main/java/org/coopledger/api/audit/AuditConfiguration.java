package org.coopledger.api.audit;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Correlation data providers that copy the audit keys from each command onto every event it
 * causes. (Axon's interceptor auto-configuration registers {@link AuditMetadataInterceptor} on
 * the command gateway, through which every command of the API is sent.)
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Declared alongside ours because Axon only adds its default provider when none is declared. */
    @Bean
    CorrelationDataProvider ledgerMessageOriginProvider() {
        return new MessageOriginProvider();
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new SimpleCorrelationDataProvider(AuditMetadata.KEYS.toArray(String[]::new));
    }
}

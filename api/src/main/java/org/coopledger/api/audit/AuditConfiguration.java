package org.coopledger.api.audit;

import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.savings.SavingsQueries;
import org.coopledger.reporting.verify.PointInTime;
import org.coopledger.reporting.verify.Reconciliation;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * Correlation data providers that copy the audit keys (and Axon's correlation and trace ids)
 * from each command onto every event it causes, and nothing from events ({@link CommandCorrelation}). (Axon's interceptor auto-configuration registers {@link AuditMetadataInterceptor} on
 * the command gateway, through which every command of the API is sent.) Also the replay of the
 * history for auditors: the same {@link Reconciliation} as {@code ledgerctl verify}, and
 * point-in-time balances folded from the events.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    /** Declared alongside ours because Axon only adds its default provider when none is declared. */
    @Bean
    CorrelationDataProvider ledgerMessageOriginProvider() {
        return new CommandCorrelation(new MessageOriginProvider());
    }

    @Bean
    CorrelationDataProvider auditCorrelationDataProvider() {
        return new CommandCorrelation(new SimpleCorrelationDataProvider(AuditMetadata.KEYS.toArray(String[]::new)));
    }

    @Bean
    Reconciliation reconciliation(DataSource dataSource, SavingsQueries savings, JournalQueries journal,
                                  LoanQueries loans) {
        return new Reconciliation(dataSource, savings, journal, loans);
    }

    /** Holds have no business date: they count by the day they were recorded in the ledger's zone. */
    @Bean
    PointInTime pointInTime(DataSource dataSource, BusinessCalendar calendar) {
        return new PointInTime(dataSource, calendar.zone());
    }
}

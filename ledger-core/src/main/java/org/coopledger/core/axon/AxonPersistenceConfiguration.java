package org.coopledger.core.axon;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * How Axon stores the ledger in PostgreSQL. We use Axon's JDBC storage engine on tables that
 * Flyway creates ({@code db/migration}): payloads, metadata and tokens are {@code bytea} and the
 * global index is a {@code BIGSERIAL} that increments by one, which avoids the JPA defaults'
 * OID large objects and 50-step sequences (see AXON-POSTGRES.md). There is no Hibernate at all.
 */
@AutoConfiguration(before = {JdbcAutoConfiguration.class, AxonAutoConfiguration.class})
public class AxonPersistenceConfiguration {

    /** Snake-case names, so that auditors can read the event table with plain SQL. */
    @Bean
    public EventSchema ledgerEventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    /**
     * PostgreSQL reports the (aggregate, sequence) unique violation as SQLSTATE 23505; Axon must
     * see it as a concurrent append (retryable), not as a generic failure.
     */
    @Bean
    public PersistenceExceptionResolver ledgerPersistenceExceptionResolver() {
        return new SQLStateResolver("23505");
    }

    @Bean
    @Primary
    public Serializer serializer() {
        return jackson();
    }

    @Bean
    @Qualifier("eventSerializer")
    public Serializer eventSerializer() {
        return jackson();
    }

    @Bean
    @Qualifier("messageSerializer")
    public Serializer messageSerializer() {
        return jackson();
    }

    /** Every processing group is a pooled streaming processor unless configured otherwise. */
    @Bean
    public ConfigurerModule pooledStreamingProcessorsByDefault() {
        return configurer -> configurer.eventProcessing(ep -> ep.usingPooledStreamingEventProcessors());
    }

    private static Serializer jackson() {
        ObjectMapper mapper = LedgerObjectMapper.create();
        return JacksonSerializer.builder().objectMapper(mapper).build();
    }
}

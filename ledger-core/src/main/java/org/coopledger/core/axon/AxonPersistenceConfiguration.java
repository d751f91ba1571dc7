package org.coopledger.core.axon;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jpa.SQLStateResolver;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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

    /** Events per query when a processor reads the store, unless {@code ledger.event-store.batch-size} says otherwise. */
    static final int DEFAULT_READ_BATCH = 100;

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

    /**
     * Axon's JDBC storage engine, as its auto-configuration builds it (which it no longer does once
     * {@link #eventStore} is defined here), with the number of events read per query
     * ({@code ledger.event-store.batch-size}, Axon's default 100): each processor reads its stream in
     * queries of this many rows, one transaction each. It reads time stamps faster than Axon's
     * ({@link LedgerJdbcEventStorageEngine}).
     */
    @Bean
    @ConditionalOnMissingBean(EventStorageEngine.class)
    public EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                                 PersistenceExceptionResolver persistenceExceptionResolver,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Configuration configuration,
                                                 ConnectionProvider connectionProvider,
                                                 TransactionManager transactionManager,
                                                 EventSchema eventSchema,
                                                 @Value("${ledger.event-store.batch-size:" + DEFAULT_READ_BATCH + "}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("ledger.event-store.batch-size must be positive");
        }
        return new LedgerJdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .transactionManager(transactionManager)
                .schema(eventSchema)
                .batchSize(batchSize));
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

    /**
     * The event store, as Axon's auto-configuration builds it but <b>without the shared event cache</b>
     * ({@code optimizeEventConsumption(false)}): every processor reads the store on its own stream.
     * With the cache, once one processor reaches the head a producer thread reads on from where
     * <i>it</i> last stopped (before a rebuild: the head before the rebuild, or before the history a
     * bench appended) up to the head in one go, and keeps every event it read in that go reachable
     * from its own stack until it gets there. In a rebuild the groups that only skip savings events
     * reach the head first, while the producer still stands where it was: at 250,000 events it held
     * 165,000 of them (about 400 MB), and a 1,000,000-event rebuild ran out of a 512 MB heap
     * (docs/PERFORMANCE.md, Replay). Without the cache a processor holds at most its work packages'
     * buffers. Live traffic loses nothing measurable: the cache offers no availability callback
     * either, so a processor that caught up is told of new events the same way with or without it
     * (the projections' one when this node's events commit, otherwise by polling), each time with one
     * indexed query per processor instead of a shared one.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    @ConditionalOnMissingBean(EventBus.class)
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    /** Every processing group is a pooled streaming processor unless configured otherwise. */
    @Bean
    public ConfigurerModule pooledStreamingProcessorsByDefault() {
        return configurer -> configurer.eventProcessing(ep -> ep.usingPooledStreamingEventProcessors());
    }

    private static Serializer jackson() {
        return TypeCachingJacksonSerializer.on(LedgerObjectMapper.create());
    }
}

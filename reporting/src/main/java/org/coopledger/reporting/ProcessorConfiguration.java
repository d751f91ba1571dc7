package org.coopledger.reporting;

import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;

import java.time.Duration;
import java.util.List;

/**
 * The read side for a Spring Boot application: the projections and queries of each feature,
 * and the one event processor that feeds them all. Each projection is a processing group with
 * its own dead-letter queue in {@code deadletterentry}, so one event that a projection cannot
 * apply is parked (with the later events of its aggregate) instead of stopping the projection;
 * the groups share one pooled streaming processor ({@link #PROCESSOR}), so each event is read,
 * deserialized and offered to the segments once, and each batch commits every projection's
 * rows with one token update (docs/DECISIONS.md, "One processor for all projections").
 */
@AutoConfiguration(after = {AxonAutoConfiguration.class, JdbcAutoConfiguration.class})
@ComponentScan(basePackages = {
        "org.coopledger.reporting.members",
        "org.coopledger.reporting.savings",
        "org.coopledger.reporting.journal",
        "org.coopledger.reporting.shares",
        "org.coopledger.reporting.savingsreport",
        "org.coopledger.reporting.statement",
        "org.coopledger.reporting.rebuild",
        "org.coopledger.reporting.loans",
        "org.coopledger.reporting.portfolio"})
public class ProcessorConfiguration {

    /** The processor of every projection; its name keys the tokens in {@code tokenentry}. */
    public static final String PROCESSOR = "projections";
    /** The processing groups of this module, one per projection; the names key their dead letters. */
    public static final String MEMBERS = "members";
    public static final String SAVINGS_ACCOUNTS = "savings-accounts";
    public static final String JOURNAL = "journal";
    public static final String SHARES = "shares";
    public static final String LOANS = "loans";
    public static final List<String> PROCESSING_GROUPS = List.of(MEMBERS, SAVINGS_ACCOUNTS, JOURNAL, SHARES, LOANS);

    /**
     * Most events per processor transaction ({@code ledger.projections.batch-size}). Live traffic
     * never fills it; a replay or a catch-up does, and then each commit, token update and JDBC
     * batch of projection rows is shared by up to this many events (docs/PERFORMANCE.md, Replay).
     * 1,000 was tried: one noisy run showed a small gain; it was set back to 100 when a
     * 1,000,000-event rebuild ran out of a 512 MB heap, which it then did at 100 too: the cause was
     * the event store's shared cache, since turned off (docs/PERFORMANCE.md, Replay), not the batch.
     */
    static final int DEFAULT_BATCH_SIZE = 100;
    /**
     * Threads applying batches ({@code ledger.projections.worker-threads}): one per initial segment,
     * so that each segment's batch can wait on PostgreSQL while the others run. Two left a
     * 1,000,000-event rebuild on a 2-core machine with cores idle: 9,413 events/s against 12,015
     * with four (docs/PERFORMANCE.md, Replay round 5).
     */
    static final int WORKER_THREADS = 4;
    /**
     * Segments of the processor when its tokens do not exist yet ({@code ledger.projections.segments}); existing
     * tokens keep theirs, a rebuild included (it resets the tokens it finds). Four lets up to four
     * nodes share the projections.
     */
    static final int INITIAL_SEGMENTS = 4;

    @Bean
    public ConfigurerModule reportingProcessors(ConnectionProvider connectionProvider,
                                                TransactionManager transactionManager,
                                                DeadLetterSchema deadLetterSchema,
                                                @Qualifier("eventSerializer") Serializer eventSerializer,
                                                Serializer genericSerializer,
                                                @Value("${ledger.projections.batch-size:" + DEFAULT_BATCH_SIZE + "}") int batchSize,
                                                @Value("${ledger.projections.segments:" + INITIAL_SEGMENTS + "}") int segments,
                                                @Value("${ledger.projections.event-metrics:false}") boolean eventMetrics,
                                                @Value("${ledger.projections.worker-threads:" + WORKER_THREADS + "}") int workerThreads,
                                                @Value("${ledger.projections.poll-interval:500ms}") Duration pollInterval) {
        requirePositive("ledger.projections.batch-size", batchSize);
        requirePositive("ledger.projections.segments", segments);
        requirePositive("ledger.projections.worker-threads", workerThreads);
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("ledger.projections.poll-interval must be positive");
        }
        return configurer -> configurer.eventProcessing(processing -> {
            processing.assignProcessingGroup(group -> PROCESSING_GROUPS.contains(group) ? PROCESSOR : group);
            // Read paced, never so far ahead of the slowest segment that Axon would pause the reading
            // for 100 ms while the workers run dry, and at once when this node's events have
            // committed rather than at the next poll (PacedEventSource).
            processing.registerPooledStreamingEventProcessor(PROCESSOR, configuration -> {
                        PacedEventSource source = new PacedEventSource(configuration.eventStore(), () -> configuration
                                .eventProcessingConfiguration().eventProcessor(PROCESSOR, StreamingEventProcessor.class),
                                pollInterval);
                        configuration.eventStore().registerDispatchInterceptor(
                                new CommittedEventsSignal(source::eventsCommitted));
                        return source;
                    },
                    pooledProcessor(batchSize, segments, workerThreads));
            // Axon's Micrometer monitors time and count every event per processor, building a tagged
            // meter id each time: 16 % of the CPU of a replay (docs/PERFORMANCE.md), more than the
            // projections' own work. Progress stays visible in the tokens (GET /admin/projections).
            if (!eventMetrics) {
                processing.registerMessageMonitor(PROCESSOR, configuration -> NoOpMessageMonitor.INSTANCE);
            }
            for (String group : PROCESSING_GROUPS) {
                processing.registerDeadLetterQueue(group, configuration -> JdbcSequencedDeadLetterQueue.builder()
                        .processingGroup(group)
                        .connectionProvider(connectionProvider)
                        .transactionManager(transactionManager)
                        .schema(deadLetterSchema)
                        .eventSerializer(eventSerializer)
                        .genericSerializer(genericSerializer)
                        .build());
                // Without the cache the invoker asks the queue (one SELECT COUNT(*) on deadletterentry)
                // before every event whether its aggregate already has dead letters. The cache answers
                // "no" from memory for sequences it has seen absent; a segment is only ever processed
                // by one node, so nobody else can park a sequence of it meanwhile.
                processing.registerDeadLetteringEventHandlerInvokerConfiguration(group,
                        (configuration, builder) -> builder.enableSequenceIdentifierCache());
            }
        });
    }

    /**
     * {@code batchSize} is the most events one transaction applies, with one token update and one
     * commit: live traffic fills far less, so it only bites when a processor catches up or replays.
     */
    private static EventProcessingConfigurer.PooledStreamingProcessorConfiguration pooledProcessor(int batchSize,
                                                                                                   int segments, int workerThreads) {
        return (configuration, builder) -> builder
                .batchSize(batchSize)
                .initialSegmentCount(segments)
                .coordinatorExecutor(new FailureLoggingExecutor("Coordinator - " + PROCESSOR, 1))
                .workerExecutor(new FailureLoggingExecutor("Worker - " + PROCESSOR, workerThreads));
    }

    private static void requirePositive(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " must be positive");
        }
    }
}

package org.coopledger.ops.bench;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.rebuild.ProjectionRebuild;
import org.coopledger.reporting.rebuild.RebuildStatus;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code replay} scenario: a ledger in-process on a temporary embedded PostgreSQL (durable
 * commits), accounts opened and funded over HTTP, a large history of savings movements appended
 * straight to the event store with the processors stopped ({@link ReplaySeeder}), the store
 * vacuumed and analysed as autovacuum would have left it, the JDBC baseline, and then a rebuild
 * of every projection through {@link ProjectionRebuild} — what an operator's
 * {@code POST /admin/projections/rebuild} runs — timed until every group has caught up.
 * The chain keeper is off: on a real ledger the chain is linked long before a rebuild, and
 * linking a million events while measuring would measure the keeper.
 */
public final class ReplayBenchmark {

    static final long POLL_MILLIS = 500;
    /** Ten times the million: beyond that the seed alone takes long and the disk fills. */
    public static final long MAX_EVENTS = 10_000_000;

    private ReplayBenchmark() {
    }

    public static ReplayReport run(long events, int accounts, int clients, boolean baseline,
                                   List<String> ledgerProperties, PrintStream progress) {
        List<String> properties = new ArrayList<>();
        properties.add("ledger.chain.keeper.enabled=false");
        properties.addAll(ledgerProperties);
        progress.println("starting the ledger in-process on a temporary embedded PostgreSQL");
        try (LedgerUnderTest ledger = LedgerUnderTest.startInProcess(properties)) {
            ConfigurableApplicationContext context = ledger.context();
            progress.printf("opening and funding %d accounts over HTTP%n", accounts);
            LedgerHttp admin = LedgerHttp.connect(ledger.baseUrl()).as("admin", ledger.adminPassword());
            Seeder.Seeded seeded = Seeder.seed(admin, accounts, clients);
            Machine machine = Machine.describe(ledger.database());
            if (!machine.durable()) {
                progress.println("WARNING: the database does not flush commits (" + machine.durability() + ")");
            }
            EventProcessingConfiguration processing = context.getBean(EventProcessingConfiguration.class);
            processing.eventProcessor(ProcessorConfiguration.PROCESSOR, StreamingEventProcessor.class)
                    .orElseThrow(() -> new IllegalStateException("no projections processor")).shutDown();
            progress.printf("appending %,d events to the event store (projections stopped)%n", events);
            ReplaySeeder seeder = new ReplaySeeder(context.getBean(EventStorageEngine.class),
                    context.getBean(PlatformTransactionManager.class), context.getBean(Clock.class), 20261129L);
            long seedStart = System.nanoTime();
            long[] lastShown = {0};
            long appended = seeder.seed(seeded.accountIds(), events, done -> {
                if (done - lastShown[0] >= 100_000) {
                    lastShown[0] = done;
                    progress.printf("  %,d appended%n", done);
                }
            });
            double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("VACUUM ANALYZE domain_event_entry");
            Long inStore = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry", Long.class);
            ReplayReport.Seed seed = new ReplayReport.Seed(accounts, appended, seedSeconds, appended / seedSeconds,
                    inStore == null ? 0 : inStore);
            ReplayBaseline.Figures base = null;
            if (baseline) {
                progress.println("JDBC baseline: read every event row, write one row per event, commit per page");
                base = ReplayBaseline.run(ledger.database());
            }
            progress.printf("rebuilding all projections from %,d events%n", seed.eventsInStore());
            ProjectionRebuild rebuild = context.getBean(ProjectionRebuild.class);
            ReplayRates rates = new ReplayRates();
            RebuildStatus status;
            HeapFigures heap;
            long start;
            double seconds;
            double replayedAt = -1;
            DatabaseFigures database;
            DatabaseWatch databaseWatch = DatabaseWatch.start(ledger.database());
            try (HeapWatch watch = HeapWatch.start(true)) {
                start = System.nanoTime();
                status = rebuild.start();
                while (!status.state().equals("FINISHED") && !status.state().equals("FAILED")) {
                    sleep();
                    status = rebuild.status();
                    double now = (System.nanoTime() - start) / 1e9;
                    if (replayedAt < 0) {
                        rates.sample(now, status.eventsDone());
                        // Every event replayed: what follows is the build of the parked indexes.
                        if (status.eventsDone() >= status.eventsTotal()) {
                            replayedAt = now;
                        }
                    }
                }
                seconds = (System.nanoTime() - start) / 1e9;
                heap = watch.figures();
                database = databaseWatch.figures(status.eventsTotal(), "event");
            }
            Map<String, Long> errors = new TreeMap<>();
            if (status.failure() != null) {
                errors.put("rebuild failed: " + status.failure(), 1L);
            }
            long replayed = status.eventsTotal();
            for (RebuildStatus.ProcessorStatus p : status.processors()) {
                p.deadLetters().forEach((projection, count) -> {
                    if (count > 0) {
                        errors.put("dead letters in " + projection, count);
                    }
                });
                if (p.error()) {
                    errors.put("processor in error: " + p.name(), 1L);
                }
            }
            double perSecond = replayed / seconds;
            BenchReport.Ratio ratio = base == null ? null
                    : new BenchReport.Ratio("replay events/s / baseline events/s", perSecond / base.rowsPerSecond());
            return new ReplayReport("replay", "in-process on its embedded default (PostgreSQL 17, durable commits), "
                    + "temporary data folder, chain keeper off",
                    new ReplayReport.Settings(events, accounts, List.copyOf(ledgerProperties)), machine, seed,
                    replayed, seconds, perSecond, replayedAt < 0 ? 0 : seconds - replayedAt, rates.figures(), errors,
                    heap, base, ratio, database);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("replay benchmark interrupted", e);
        }
    }
}

package org.coopledger.ops.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One benchmark run: ledger up, seeded over HTTP, the JDBC baseline, then the scenario's load,
 * then the read-after-write lag of the ledger once idle ({@link ReadAfterWrite}), then the ledger
 * stopped if this run started it. The baseline runs before the load so that
 * the projections' catch-up after the load does not slow it down.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static BenchReport run(BenchSettings settings, PrintStream progress) {
        progress.println(settings.target() == null ? "starting the ledger in-process on a temporary embedded PostgreSQL"
                : "using the ledger at " + settings.target());
        try (LedgerUnderTest ledger = settings.target() == null ? LedgerUnderTest.startInProcess(settings.ledgerProperties())
                : LedgerUnderTest.remote(settings.target(), settings.adminPassword(), settings.database())) {
            progress.printf("seeding a teller and %d funded accounts%n", settings.accounts());
            LedgerHttp admin = LedgerHttp.connect(ledger.baseUrl()).as("admin", ledger.adminPassword());
            Seeder.Seeded seeded = Seeder.seed(admin, settings.accounts(), settings.clients());
            Machine machine = Machine.describe(ledger.database());
            if (!machine.durable()) {
                progress.println("WARNING: the database does not flush commits (" + machine.durability()
                        + "); the figures are not those of a durable ledger");
            }
            BaselineFigures baseline = null;
            if (settings.baseline() && ledger.database() != null) {
                progress.printf("JDBC baseline: %d clients, %s warm-up, %s measured%n", settings.clients(),
                        settings.warmup(), settings.duration());
                baseline = JdbcBaseline.run(ledger.database(), settings.clients(), settings.warmup(), settings.duration());
            }
            HttpFloorFigures floor = null;
            if (settings.baseline()) {
                progress.printf("HTTP floor (authenticated GET /actuator/health): %d clients, %s warm-up, %s measured%n",
                        settings.clients(), settings.warmup(), settings.duration());
                OperationStats floorStats = LoadRun.run(seeded.teller(), OperationMix.only(OperationKind.HTTP_FLOOR),
                        new Requests(seeded.accountIds()), settings.clients(), 0, settings.warmup(), settings.duration());
                floor = HttpFloorFigures.of(floorStats, settings.clients(), settings.duration().toNanos() / 1e9);
            }
            List<Double> settling = List.of();
            if (settings.settle()) {
                progress.printf("settling: %d s windows of load until the rate stops rising (at most %d)%n",
                        Settling.WINDOW.toSeconds(), Settling.MAX_WINDOWS);
                settling = Settling.run(() -> rate(settings, LoadRun.run(seeded.teller(), settings.scenario().mix(),
                                new Requests(seeded.accountIds()), settings.clients(), settings.ratePerSecond(), Duration.ZERO,
                                Settling.WINDOW), Settling.WINDOW),
                        settings.scenario() == Scenario.POSTINGS ? "postings/s" : "operations/s", progress);
            }
            progress.printf("scenario %s: %d clients, %s warm-up, %s measured%n", settings.scenario().label(),
                    settings.clients(), settings.warmup(), settings.duration());
            OperationStats stats;
            HeapFigures heap;
            AtomicReference<DatabaseWatch> databaseWatch = new AtomicReference<>();
            try (HeapWatch watch = HeapWatch.start(ledger.inProcess())) {
                stats = LoadRun.run(seeded.teller(), settings.scenario().mix(), new Requests(seeded.accountIds()),
                        settings.clients(), settings.ratePerSecond(), settings.warmup(), settings.duration(),
                        () -> databaseWatch.set(ledger.database() == null ? null : DatabaseWatch.start(ledger.database())));
                heap = watch.figures();
            }
            DatabaseFigures database = databaseWatch.get() == null ? null : databaseFigures(settings, stats, databaseWatch.get());
            progress.printf("read after write: %d deposits, one at a time%n", ReadAfterWrite.SAMPLES);
            LatencySummary readAfterWrite = readAfterWrite(seeded);
            String ledgerLabel = !ledger.inProcess() ? ledger.baseUrl().toString()
                    : "in-process on its embedded default (PostgreSQL 17, durable commits), temporary data folder";
            return assemble(settings, ledgerLabel, machine, stats, heap, baseline, floor, readAfterWrite, database,
                    settling);
        }
    }

    /** What a window's figure is: succeeded postings/s in the postings scenario, answered operations/s otherwise. */
    private static double rate(BenchSettings settings, OperationStats stats, Duration window) {
        double seconds = window.toNanos() / 1e9;
        return settings.scenario() == Scenario.POSTINGS ? stats.succeededPostings() / seconds
                : stats.allLatencyMicros().getTotalCount() / seconds;
    }

    /** Per succeeded posting in the postings scenario, per answered operation in the reads scenario. */
    private static DatabaseFigures databaseFigures(BenchSettings settings, OperationStats stats, DatabaseWatch watch) {
        return settings.scenario() == Scenario.POSTINGS
                ? watch.figures(stats.succeededPostings(), "posting")
                : watch.figures(stats.allLatencyMicros().getTotalCount(), "operation");
    }

    private static LatencySummary readAfterWrite(Seeder.Seeded seeded) {
        try {
            return ReadAfterWrite.measure(seeded.teller(), seeded.accountIds().get(0));
        } catch (IOException e) {
            throw new IllegalStateException("read after write: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("read after write interrupted", e);
        }
    }

    static BenchReport assemble(BenchSettings settings, String ledger, Machine machine, OperationStats stats,
                                HeapFigures heap, BaselineFigures baseline, HttpFloorFigures floor,
                                LatencySummary readAfterWrite, DatabaseFigures database, List<Double> settling) {
        double seconds = settings.duration().toNanos() / 1e9;
        List<BenchReport.KindFigures> kinds = new ArrayList<>();
        for (OperationKind kind : settings.scenario().mix().weights().keySet()) {
            LatencySummary latency = LatencySummary.ofMicros(stats.latencyMicros(kind));
            kinds.add(new BenchReport.KindFigures(kind.label(), latency.count(), latency.count() / seconds, latency));
        }
        LatencySummary all = LatencySummary.ofMicros(stats.allLatencyMicros());
        BenchReport.KindFigures total = new BenchReport.KindFigures("all", all.count(), all.count() / seconds, all);
        double postingsPerSecond = stats.succeededPostings() / seconds;
        BenchReport.Ratio ratio = null;
        if (baseline != null && baseline.insertsPerSecond() > 0) {
            ratio = settings.scenario() == Scenario.POSTINGS
                    ? new BenchReport.Ratio("ledger postings/s / baseline inserts/s", postingsPerSecond / baseline.insertsPerSecond())
                    : new BenchReport.Ratio("ledger reads/s / baseline inserts/s", total.opsPerSecond() / baseline.insertsPerSecond());
        }
        BenchReport.Ratio floorRatio = null;
        if (floor != null && floor.requestsPerSecond() > 0) {
            floorRatio = settings.scenario() == Scenario.POSTINGS
                    ? new BenchReport.Ratio("ledger postings/s / HTTP floor requests/s", postingsPerSecond / floor.requestsPerSecond())
                    : new BenchReport.Ratio("ledger reads/s / HTTP floor requests/s", total.opsPerSecond() / floor.requestsPerSecond());
        }
        BenchReport.Settings shown = new BenchReport.Settings(settings.clients(), seconds,
                settings.warmup().toNanos() / 1e9, settings.accounts(), settings.ratePerSecond(),
                settings.openLoop() ? "open" : "closed");
        return new BenchReport(settings.scenario().label(), ledger, shown, machine, kinds, total, postingsPerSecond,
                stats.retries(), stats.rejections(), stats.errors(), heap, baseline, ratio, floor, floorRatio,
                readAfterWrite, database, settling);
    }
}

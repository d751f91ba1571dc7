package org.coopledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ReportFormatTest {

    private static BenchReport report() {
        OperationStats stats = new OperationStats();
        for (int i = 0; i < 10; i++) {
            stats.record(OperationKind.DEPOSIT, Outcome.ofStatus(201, null), 20_000, 0);
        }
        stats.record(OperationKind.WITHDRAWAL, Outcome.ofStatus(422, "INSUFFICIENT_FUNDS"), 10_000, 0);
        stats.record(OperationKind.TRANSFER, Outcome.ofStatus(201, null), 40_000, 2);
        BenchSettings settings = new BenchSettings(Scenario.POSTINGS, 2, Duration.ofSeconds(2), Duration.ZERO, 10, 0,
                null, null, null, true, java.util.List.of(), true);
        Machine machine = new Machine(2, 512L << 20, "17", "PostgreSQL 17.6", "fsync=on, synchronous_commit=on");
        HeapFigures heap = new HeapFigures(100L << 20, 120L << 20, 60L << 20, 512L << 20, 3, 40, true);
        BaselineFigures baseline = new BaselineFigures(2, 2_000, 1_000.0, new LatencySummary(2_000, 1, 2, 3, 4, 1.5), 125.0);
        HttpFloorFigures floor = new HttpFloorFigures(2, 4_400, 2_200.0, new LatencySummary(4_400, 1, 2, 3, 5, 1.2));
        LatencySummary readAfterWrite = new LatencySummary(20, 12.5, 30, 30, 41.25, 15);
        DatabaseFigures database = new DatabaseFigures("posting", 11, 44, 1, new CpuFigures(0.2, 0.55), "pg_stat_statements", 33, 8.0, 3.0,
                java.util.List.of(new DatabaseFigures.Statement("INSERT INTO domain_event_entry (…) VALUES ($1, …)", 11, 22, 5.5),
                        new DatabaseFigures.Statement("SELECT pg_try_advisory_xact_lock(…)", 22, 22, 1.1)));
        return Benchmark.assemble(settings, "in-process", machine, stats, heap, baseline, floor, readAfterWrite, database,
                java.util.List.of(403.0, 538.25, 531.0));
    }

    @Test
    void figuresArePerSecondOfTheMeasuredWindowAndTheRatioUsesSuccessfulPostings() {
        BenchReport r = report();
        assertThat(r.all().count()).isEqualTo(12);
        assertThat(r.all().opsPerSecond()).isEqualTo(6.0);
        assertThat(r.postingsPerSecond()).isEqualTo(5.5);
        assertThat(r.ratio().value()).isEqualTo(0.0055);
        assertThat(r.floorRatio().value()).isEqualTo(0.0025);
        assertThat(r.operations()).extracting(BenchReport.KindFigures::operation)
                .containsExactly("deposit", "withdrawal", "transfer", "balance", "statement");
    }

    @Test
    void theTablePrintsEveryKindRejectionsTheBaselineAndTheDatabaseWorkPerPostingWithPointDecimals() {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            String table = ReportTable.render(report());
            assertThat(table).containsPattern("deposit +10 +5\\.0 +20\\.0")
                    .contains("settled first: 3 windows of 30 s, 403.0, 538.3, 531.0 postings/s")
                    .contains("business rejections: INSUFFICIENT_FUNDS x1")
                    .contains("errors: none")
                    .contains("retries (same Idempotency-Key): 2")
                    .contains("insert            2000     1000.0")
                    .contains("ledger postings/s / baseline inserts/s: 0.006")
                    .contains("health            4400     2200.0")
                    .contains("ledger postings/s / HTTP floor requests/s: 0.003")
                    .contains("read after write, idle (a deposit's balance in its account read, 20 deposits): "
                            + "p50 12.50 ms, p95 30.00 ms, max 41.25 ms")
                    .contains("database work in the measured window, per posting (11 of them):")
                    .contains("transactions: 44 committed (4.00 per posting), 1 rolled back")
                    .contains("server CPU: 125 µs per insert")
                    .contains("server CPU: 0.6 s, 50000 µs per posting")
                    .contains("baseline's server CPU per insert / ledger's server CPU per posting: 0.003")
                    .contains("statements: 33 (3.00 per posting); executor 8 ms + planner 3 ms = 1000 µs per posting")
                    .containsPattern("1\\.000 +500\\.0 +2\\.0 +50\\.0%  INSERT INTO domain_event_entry")
                    .containsPattern("2\\.000 +50\\.0 +1\\.0 +10\\.0%  SELECT pg_try_advisory_xact_lock");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void theJsonCarriesTheSameFigures() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportJson.render(report()));
        assertThat(json.path("scenario").asText()).isEqualTo("postings");
        assertThat(json.path("all").path("count").asLong()).isEqualTo(12);
        // Three significant digits: 20 ms is reported as the top of its bucket.
        assertThat(json.path("operations").get(0).path("latencyMs").path("p50").asDouble()).isCloseTo(20.0, within(0.05));
        assertThat(json.path("businessRejections").path("INSUFFICIENT_FUNDS").asLong()).isEqualTo(1);
        assertThat(json.path("baseline").path("insertsPerSecond").asDouble()).isEqualTo(1000.0);
        assertThat(json.path("httpFloor").path("requestsPerSecond").asDouble()).isEqualTo(2200.0);
        assertThat(json.path("floorRatio").path("value").asDouble()).isEqualTo(0.0025);
        assertThat(json.path("machine").path("durability").asText()).isEqualTo("fsync=on, synchronous_commit=on");
        assertThat(json.path("heap").path("serverIncluded").asBoolean()).isTrue();
        assertThat(json.path("readAfterWrite").path("p50").asDouble()).isEqualTo(12.5);
        assertThat(json.path("database").path("commits").asLong()).isEqualTo(44);
        assertThat(json.path("settlingRates").get(1).asDouble()).isEqualTo(538.25);
        assertThat(json.path("database").path("top").get(1).path("calls").asLong()).isEqualTo(22);
    }
}

package org.coopledger.ops.bench;

import java.util.List;
import java.util.Map;

/**
 * What one replay run measured; printed as a table and written as JSON with the same fields.
 * Throughput is every event of the store replayed into every projection, divided by the wall
 * time from the start of the rebuild until it finished: the projections' processor caught up and
 * the indexes the rebuild parked built again ({@code indexSeconds} of it).
 *
 * @param indexSeconds from the last event replayed to the end of the rebuild: building the parked indexes
 * @param rates  events/s over consecutive windows of the replay, up to its last event ({@link ReplayRates})
 * @param errors dead letters per projection after the rebuild, and a processor left in error
 * @param database what the database did during the rebuild, per event ({@link DatabaseWatch}), with the
 *                 CPU of the ledger's JVM and of the database
 */
public record ReplayReport(String scenario, String ledger, Settings settings, Machine machine, Seed seed,
                           long eventsReplayed, double seconds, double eventsPerSecond, double indexSeconds,
                           Rates rates, Map<String, Long> errors, HeapFigures heap,
                           ReplayBaseline.Figures baseline, BenchReport.Ratio ratio, DatabaseFigures database) {

    /** @param events events asked for; the store also holds what the HTTP seeding produced */
    public record Settings(long events, int accounts, List<String> ledgerProperties) {
    }

    /** How the history was made: accounts over HTTP, then movements appended straight to the store. */
    public record Seed(int accountsOverHttp, long eventsAppended, double appendSeconds, double appendEventsPerSecond,
                       long eventsInStore) {
    }

    /** Percentiles of the window rates: p5 is the slow end (95 % of the windows ran faster). */
    public record Rates(double windowSeconds, int windows, double p5EventsPerSecond, double p50EventsPerSecond,
                        double p95EventsPerSecond) {
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}

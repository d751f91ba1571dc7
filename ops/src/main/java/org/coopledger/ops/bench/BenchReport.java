package org.coopledger.ops.bench;

import java.util.List;
import java.util.Map;

/**
 * Everything one run measured; printed as a table and written as JSON with the same fields.
 * Throughput counts answered operations (success or business rejection) that started in the
 * measured window; {@code postingsPerSecond} counts only money movements that succeeded.
 *
 * @param baseline null when the run had no database to compare with
 * @param ratio    null without a baseline
 * @param httpFloor  null when baselines were skipped
 * @param floorRatio null without an HTTP floor
 * @param readAfterWrite milliseconds from a deposit's answer to its account read showing it, on the
 *                       idle ledger after the load ({@link ReadAfterWrite})
 * @param database   what the database did in the measured window; null without a database URL
 * @param settlingRates with {@code --settle}: the rate of each window of load before the measured
 *                   run ({@link Settling}), oldest first; empty without
 */
public record BenchReport(String scenario, String ledger, Settings settings, Machine machine,
                          List<KindFigures> operations, KindFigures all, double postingsPerSecond, long retries,
                          Map<String, Long> businessRejections, Map<String, Long> errors, HeapFigures heap,
                          BaselineFigures baseline, Ratio ratio, HttpFloorFigures httpFloor, Ratio floorRatio,
                          LatencySummary readAfterWrite, DatabaseFigures database, List<Double> settlingRates) {

    public BenchReport {
        settlingRates = List.copyOf(settlingRates);
    }

    /** @param loop "closed" (each client waits for its answer) or "open" (fixed rate) */
    public record Settings(int clients, double durationSeconds, double warmupSeconds, int accounts,
                           double ratePerSecond, String loop) {
    }

    public record KindFigures(String operation, long count, double opsPerSecond, LatencySummary latencyMs) {
    }

    /** @param label what is divided by what, since the numerator differs between scenarios */
    public record Ratio(String label, double value) {
    }

    public long errorCount() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }
}

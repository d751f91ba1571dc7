package org.coopledger.ops.bench;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the report scenario measured; printed as a table and written as JSON with the same fields.
 * A case meets its target when its p95 is within it (the max is printed next to it) and at least one
 * request was answered; failed requests are counted per case by problem code, apart from the timings.
 *
 * @param seededRows what the seed wrote, counted in the database
 * @param baseline   the plain-JDBC sum of active loans per currency, on the same data in the same run
 */
public record PortfolioBenchReport(String ledger, Machine machine, int repeats, String businessDate,
                                   Map<String, Long> seededRows, double seedSeconds, List<CaseFigures> cases,
                                   LatencySummary baseline, HeapFigures heap) {

    private static final String ROW = "%-30s %9s %9s %9s %9s %10s %8s %7s %s%n";
    private static final double MIB = 1024.0 * 1024.0;

    /**
     * @param targetMs null when no target applies
     * @param errors   failed requests (warm-up included) by "status code" or "IO exception"; their
     *                 time is not in {@code latencyMs}
     */
    public record CaseFigures(String name, String path, String accept, long responseBytes, LatencySummary latencyMs,
                              Long targetMs, Map<String, Long> errors) {

        public CaseFigures {
            // Sorted, so that the table and the JSON list them in the same order every run.
            errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        }

        /** null without a target; false when no request was answered. */
        @JsonProperty
        public Boolean withinTarget() {
            return targetMs == null ? null : latencyMs.count() > 0 && latencyMs.p95() <= targetMs;
        }

        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }

        /** This case's median over the baseline's median. */
        public double ratioToBaseline(LatencySummary baseline) {
            return baseline.p50() <= 0 ? Double.NaN : latencyMs.p50() / baseline.p50();
        }
    }

    public boolean allWithinTarget() {
        return cases.stream().allMatch(c -> c.withinTarget() == null || c.withinTarget());
    }

    /** Failed requests over every case. */
    @JsonProperty
    public long errorCount() {
        return cases.stream().mapToLong(CaseFigures::errorCount).sum();
    }

    /** What the command's exit code says: every target met and no request failed. */
    public boolean passed() {
        return allWithinTarget() && errorCount() == 0;
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(f("ledgerctl bench: scenario report, %d requests per case one at a time after %d warm-up, "
                + "business date %s%n", repeats, PortfolioBenchSettings.WARMUP, businessDate));
        out.append(f("machine: %d cores, max heap %.0f MiB, Java %s%n", machine.cores(), machine.maxHeapBytes() / MIB,
                machine.javaVersion()));
        out.append(f("database: %s (%s)%n", machine.postgresVersion(), machine.durability()));
        out.append(f("ledger: %s%n", ledger));
        out.append(f("read model seeded with SQL in %.1f s: %s%n%n", seedSeconds, seededRows));
        out.append(f(ROW, "case", "p50 ms", "p95 ms", "p99 ms", "max ms", "target ms", "x base", "errors",
                "p95 in target"));
        for (CaseFigures c : cases) {
            LatencySummary l = c.latencyMs();
            out.append(f(ROW, c.name(), ms(l.p50()), ms(l.p95()), ms(l.p99()), ms(l.max()),
                    c.targetMs() == null ? "-" : c.targetMs().toString(), f("%.1f", c.ratioToBaseline(baseline)),
                    c.errorCount(), c.withinTarget() == null ? "-" : c.withinTarget() ? "yes" : "NO"));
        }
        for (CaseFigures c : cases) {
            if (c.errorCount() > 0) {
                out.append(f("errors of %s: %s%n", c.name(), c.errors()));
            }
        }
        out.append(f("%nbaseline, plain JDBC: active loans' count and outstanding principal per currency:%n"));
        out.append(f(ROW, "sum of active loans", ms(baseline.p50()), ms(baseline.p95()), ms(baseline.p99()),
                ms(baseline.max()), "-", "1.0", "", ""));
        out.append(f("%nheap%s: peak used %.0f MiB sampled, max %.0f MiB; GC %d collections, %d ms%n",
                heap.serverIncluded() ? " (ledger and bench, one JVM)" : " (bench only)",
                heap.peakUsedSampledBytes() / MIB, heap.maxBytes() / MIB, heap.gcCount(), heap.gcMillis()));
        return out.toString();
    }

    private static String ms(double millis) {
        return f("%.1f", millis);
    }

    /** Fixed locale: a decimal comma would make the table disagree with the JSON. */
    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

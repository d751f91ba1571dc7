package org.coopledger.ops.bench;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as a person reads it in a terminal. */
public final class ReportTable {

    private static final String ROW = "%-12s %9s %10s %9s %9s %9s %9s%n";
    private static final double MIB = 1024.0 * 1024.0;

    private ReportTable() {
    }

    public static String render(BenchReport r) {
        StringBuilder out = new StringBuilder();
        BenchReport.Settings s = r.settings();
        out.append(f("ledgerctl bench: scenario %s, %d clients, %s loop%s, %.0f s measured after %.0f s warm-up, %d accounts%n",
                r.scenario(), s.clients(), s.loop(), s.ratePerSecond() > 0 ? f(" at %.0f ops/s", s.ratePerSecond()) : "",
                s.durationSeconds(), s.warmupSeconds(), s.accounts()));
        Machine m = r.machine();
        out.append(f("machine: %d cores, max heap %.0f MiB, Java %s%n", m.cores(), m.maxHeapBytes() / MIB, m.javaVersion()));
        out.append(f("database: %s (%s)%n", m.postgresVersion(), m.durability()));
        out.append(f("ledger: %s%n%n", r.ledger()));
        out.append(f(ROW, "operation", "ops", "ops/s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
        r.operations().forEach(k -> out.append(row(k)));
        out.append(row(r.all()));
        out.append(f("%npostings/s (successful deposits + withdrawals + transfers): %.1f%n", r.postingsPerSecond()));
        out.append(f("retries (same Idempotency-Key): %d%n", r.retries()));
        out.append(f("business rejections: %s%n", counts(r.businessRejections())));
        out.append(f("errors: %s%n", counts(r.errors())));
        LatencySummary lag = r.readAfterWrite();
        out.append(f("read after write, idle (a deposit's balance in its account read, %d deposits): p50 %s ms, p95 %s ms, max %s ms%n",
                lag.count(), ms(lag.p50()), ms(lag.p95()), ms(lag.max())));
        HeapFigures h = r.heap();
        out.append(f("heap%s: peak used %.0f MiB sampled, %.0f MiB sum of pool peaks, max %.0f MiB; GC %d collections, %d ms%n",
                h.serverIncluded() ? " (ledger and clients, one JVM)" : " (clients only)",
                h.peakUsedSampledBytes() / MIB, h.poolPeaksSumBytes() / MIB, h.maxBytes() / MIB, h.gcCount(), h.gcMillis()));
        BaselineFigures b = r.baseline();
        if (b == null) {
            out.append("baseline: not run (--no-baseline, or no database URL to run it on)\n");
        } else {
            out.append(f("%nbaseline, plain JDBC single-row INSERT per autocommit transaction, %d clients:%n", b.clients()));
            out.append(f(ROW, "", "inserts", "inserts/s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
            out.append(row(new BenchReport.KindFigures("insert", b.inserts(), b.insertsPerSecond(), b.latencyMs())));
            out.append(f("%n%s: %.3f%n", r.ratio().label(), r.ratio().value()));
        }
        HttpFloorFigures floor = r.httpFloor();
        if (floor != null) {
            out.append(f("%nHTTP floor, the teller's authenticated GET /actuator/health, %d clients, closed loop:%n", floor.clients()));
            out.append(f(ROW, "", "requests", "requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
            out.append(row(new BenchReport.KindFigures("health", floor.requests(), floor.requestsPerSecond(), floor.latencyMs())));
            out.append(f("%n%s: %.3f%n", r.floorRatio().label(), r.floorRatio().value()));
        }
        return out.toString();
    }

    private static String row(BenchReport.KindFigures k) {
        LatencySummary l = k.latencyMs();
        return f(ROW, k.operation(), k.count(), f("%.1f", k.opsPerSecond()), ms(l.p50()), ms(l.p95()), ms(l.p99()), ms(l.max()));
    }

    private static String ms(double millis) {
        return f("%.2f", millis);
    }

    private static String counts(Map<String, Long> counts) {
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream().map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** Fixed locale: a decimal comma would make the table disagree with the JSON. */
    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

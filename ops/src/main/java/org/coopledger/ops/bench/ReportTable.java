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
        if (!r.settlingRates().isEmpty()) {
            out.append(f("settled first: %d windows of %d s, %s %s%n", r.settlingRates().size(), Settling.WINDOW.toSeconds(),
                    r.settlingRates().stream().map(rate -> f("%.1f", rate)).collect(Collectors.joining(", ")),
                    r.scenario().equals(Scenario.POSTINGS.label()) ? "postings/s" : "operations/s"));
        }
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
            if (b.serverCpuMicrosPerInsert() >= 0) {
                out.append(f("server CPU: %.0f µs per insert%n", b.serverCpuMicrosPerInsert()));
            }
            out.append(f("%n%s: %.3f%n", r.ratio().label(), r.ratio().value()));
        }
        HttpFloorFigures floor = r.httpFloor();
        if (floor != null) {
            out.append(f("%nHTTP floor, the teller's authenticated GET /actuator/health, %d clients, closed loop:%n", floor.clients()));
            out.append(f(ROW, "", "requests", "requests/s", "p50 ms", "p95 ms", "p99 ms", "max ms"));
            out.append(row(new BenchReport.KindFigures("health", floor.requests(), floor.requestsPerSecond(), floor.latencyMs())));
            out.append(f("%n%s: %.3f%n", r.floorRatio().label(), r.floorRatio().value()));
        }
        DatabaseFigures d = r.database();
        if (d != null) {
            out.append(database(d));
            if (b != null && b.serverCpuMicrosPerInsert() > 0 && d.cpu().databaseSeconds() > 0 && d.operations() > 0) {
                // The ratio the database side alone would allow, whatever the ledger's JVM did.
                out.append(f("baseline's server CPU per insert / ledger's server CPU per %s: %.3f%n", d.per(),
                        b.serverCpuMicrosPerInsert() / d.perOperation(d.cpu().databaseSeconds() * 1e6)));
            }
        }
        return out.toString();
    }

    /** The database's work in the measured window, per posting (or operation): where its CPU goes. */
    static String database(DatabaseFigures d) {
        StringBuilder out = new StringBuilder();
        out.append(f("%ndatabase work in the measured window, per %s (%d of them):%n", d.per(), d.operations()));
        out.append(f("  transactions: %s committed (%s per %s), %s rolled back%n", count(d.commits()),
                d.commits() < 0 ? "?" : f("%.2f", d.perOperation(d.commits())), d.per(), count(d.rollbacks())));
        out.append(f("  server CPU: %s%n", d.cpu().databaseSeconds() < 0 ? "not readable (the server is not on this machine)"
                : f("%.1f s, %.0f µs per %s", d.cpu().databaseSeconds(), d.perOperation(d.cpu().databaseSeconds() * 1e6), d.per())));
        if (!d.statementsKnown()) {
            out.append(f("  %s%n", d.statements()));
            return out.toString();
        }
        out.append(f("  statements: %d (%.2f per %s); executor %.0f ms + planner %.0f ms = %.0f µs per %s%n",
                d.calls(), d.perOperation(d.calls()), d.per(), d.executorMs(), d.plannerMs(),
                d.perOperation((d.executorMs() + d.plannerMs()) * 1e3), d.per()));
        out.append(f("  %9s %9s %8s %7s  %s%n", "calls/" + d.per().charAt(0), "µs/call", "rows/call", "share",
                "statement (most time first)"));
        double all = d.executorMs() + d.plannerMs();
        for (DatabaseFigures.Statement s : d.top()) {
            out.append(f("  %9.3f %9.1f %8.1f %6.1f%%  %s%n", d.perOperation(s.calls()), s.millis() * 1e3 / s.calls(),
                    (double) s.rows() / s.calls(), all == 0 ? 0 : 100 * s.millis() / all, s.text()));
        }
        return out.toString();
    }

    private static String count(long n) {
        return n < 0 ? "?" : Long.toString(n);
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

package org.coopledger.ops.bench;

import java.util.Locale;
import java.util.stream.Collectors;

/** The replay report as a person reads it in a terminal. */
public final class ReplayTable {

    private static final double MIB = 1024.0 * 1024.0;

    private ReplayTable() {
    }

    public static String render(ReplayReport r) {
        StringBuilder out = new StringBuilder();
        out.append(f("ledgerctl bench: scenario replay, %,d events asked, %d accounts%s%n", r.settings().events(),
                r.settings().accounts(), r.settings().ledgerProperties().isEmpty() ? ""
                        : ", ledger properties " + r.settings().ledgerProperties()));
        Machine m = r.machine();
        out.append(f("machine: %d cores, max heap %.0f MiB, Java %s%n", m.cores(), m.maxHeapBytes() / MIB, m.javaVersion()));
        out.append(f("database: %s (%s)%n", m.postgresVersion(), m.durability()));
        out.append(f("ledger: %s%n", r.ledger()));
        ReplayReport.Seed s = r.seed();
        out.append(f("seed: %d accounts over HTTP, then %,d events appended to the store in %.1f s (%.0f events/s); %,d events in the store%n%n",
                s.accountsOverHttp(), s.eventsAppended(), s.appendSeconds(), s.appendEventsPerSecond(), s.eventsInStore()));
        out.append(f("events replayed: %,d in %.1f s: %.0f events/s into all projections%n", r.eventsReplayed(),
                r.seconds(), r.eventsPerSecond()));
        out.append(f("  of which building the indexes the rebuild had parked: %.1f s%n", r.indexSeconds()));
        ReplayReport.Rates rates = r.rates();
        out.append(f("rate per %.0f s window (%d windows): p5 %.0f, p50 %.0f, p95 %.0f events/s%n",
                rates.windowSeconds(), rates.windows(), rates.p5EventsPerSecond(), rates.p50EventsPerSecond(),
                rates.p95EventsPerSecond()));
        out.append(f("errors: %s%n", r.errors().isEmpty() ? "none" : r.errors().entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue()).collect(Collectors.joining(", "))));
        HeapFigures h = r.heap();
        out.append(f("heap (ledger, one JVM) during the rebuild: peak used %.0f MiB sampled, %.0f MiB sum of pool peaks, peak after GC %.0f MiB, max %.0f MiB; GC %d collections, %d ms%n",
                h.peakUsedSampledBytes() / MIB, h.poolPeaksSumBytes() / MIB, h.peakAfterGcBytes() / MIB, h.maxBytes() / MIB,
                h.gcCount(), h.gcMillis()));
        out.append(f("CPU during the rebuild: %s%n", cpu(r.database().cpu(), r.eventsReplayed())));
        ReplayBaseline.Figures b = r.baseline();
        if (b == null) {
            out.append("baseline: not run\n");
        } else {
            out.append(f("%nbaseline, %s:%n  %,d events in %.1f s: %.0f events/s%n", b.description(), b.rows(),
                    b.seconds(), b.rowsPerSecond()));
            out.append(f("  CPU: %s%n", cpu(b.cpu(), b.rows())));
            out.append(f("%n%s: %.3f%n", r.ratio().label(), r.ratio().value()));
            // The same comparison by the CPU both sides spent.
            out.append(f("baseline CPU per event / replay CPU per event: %.3f%n",
                    b.cpu().microsPer(b.rows()) / r.database().cpu().microsPer(r.eventsReplayed())));
        }
        out.append(ReportTable.database(r.database()));
        return out.toString();
    }

    private static String cpu(CpuFigures c, long events) {
        String database = c.databaseKnown() ? f(", database %.1f s", c.databaseSeconds()) : ", database not readable";
        return f("JVM %.1f s%s; %.1f µs per event%s", c.jvmSeconds(), database, c.microsPer(events),
                c.databaseKnown() ? "" : " (JVM only)");
    }

    /** Fixed locale: a decimal comma would make the table disagree with the JSON. */
    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}

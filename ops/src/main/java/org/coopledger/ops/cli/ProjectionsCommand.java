package org.coopledger.ops.cli;

import org.coopledger.ops.projections.ProjectionPositions;
import org.coopledger.ops.projections.ProjectionPositions.Processor;
import org.coopledger.ops.projections.ProjectionPositions.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ledgerctl projections}: where each projection's processor stands against the event
 * store, e.g. while a rebuild ({@code POST /api/v1/admin/projections/rebuild}) replays the
 * history. With {@code --watch}, prints again every few seconds with the rate and ETA, until every
 * processor has caught up. Reads the database only, so it also runs beside a live ledger on an
 * external PostgreSQL (the embedded default's data folder needs the ledger stopped; there, use
 * {@code GET /api/v1/admin/projections}).
 */
@Command(name = "projections", mixinStandardHelpOptions = true,
        description = "Show each projection processor's position against the event store head (rate and ETA with --watch).")
final class ProjectionsCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--watch", paramLabel = "SECONDS", defaultValue = "0",
            description = "print again every SECONDS until every processor has caught up (0 = once)")
    int watchSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        try (DatabaseOptions.OpenDatabase db = database.open()) {
            ProjectionPositions positions = new ProjectionPositions(db.dataSource());
            Snapshot previous = null;
            long previousAtMillis = 0;
            while (true) {
                Snapshot now = positions.read();
                long nowMillis = System.currentTimeMillis();
                print(out, now, previous, nowMillis - previousAtMillis);
                out.flush();
                boolean caughtUp = now.processors().stream().allMatch(p -> p.behind(now.head()) == 0);
                if (watchSeconds <= 0 || caughtUp) {
                    return 0;
                }
                previous = now;
                previousAtMillis = nowMillis;
                Thread.sleep(watchSeconds * 1000L);
            }
        }
    }

    static void print(PrintWriter out, Snapshot now, Snapshot previous, long elapsedMillis) {
        Map<String, Long> before = new HashMap<>();
        if (previous != null) {
            previous.processors().forEach(p -> before.put(p.name(), p.position()));
        }
        out.printf("event store head: %d%n", now.head());
        out.printf("%-20s %8s %12s %10s %9s %12s %10s %8s%n", "processor", "segments", "position", "behind",
                "replaying", "dead letters", "events/s", "ETA s");
        for (Processor p : now.processors()) {
            String rate = "-";
            String eta = "-";
            Long was = before.get(p.name());
            if (was != null && elapsedMillis > 0) {
                long perSecond = Math.max(0, p.position() - was) * 1000 / elapsedMillis;
                rate = Long.toString(perSecond);
                eta = perSecond == 0 ? "-" : Long.toString(p.behind(now.head()) / perSecond);
            }
            out.printf("%-20s %8d %12d %10d %9s %12d %10s %8s%n", p.name(), p.segments(), p.position(),
                    p.behind(now.head()), p.replaying() ? "yes" : "no", p.deadLetters(), rate, eta);
        }
        if (!now.parkedIndexes().isEmpty()) {
            out.printf("indexes dropped by a rebuild, not built again yet (the ledger builds them when the replay "
                    + "has caught up, or at its next start): %s%n", String.join(", ", now.parkedIndexes()));
        }
    }
}

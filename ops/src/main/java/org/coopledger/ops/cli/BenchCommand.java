package org.coopledger.ops.cli;

import org.coopledger.ops.bench.BenchReport;
import org.coopledger.ops.bench.BenchSettings;
import org.coopledger.ops.bench.Benchmark;
import org.coopledger.ops.bench.DatabaseTarget;
import org.coopledger.ops.bench.Durations;
import org.coopledger.ops.bench.PortfolioBench;
import org.coopledger.ops.bench.PortfolioBenchReport;
import org.coopledger.ops.bench.PortfolioBenchSettings;
import org.coopledger.ops.bench.ReplayBenchmark;
import org.coopledger.ops.bench.ReplayReport;
import org.coopledger.ops.bench.ReplayTable;
import org.coopledger.ops.bench.ReportJson;
import org.coopledger.ops.bench.ReportTable;
import org.coopledger.ops.bench.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ledgerctl bench}: load over the HTTP API with a plain-JDBC baseline from the same run.
 * Run by hand or by script ({@code ops/bench/run-bench.sh}), never as a timed test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure the ledger over its HTTP API against a plain-JDBC insert baseline on the same database.",
                "Without --target it starts a ledger in-process on a temporary embedded PostgreSQL and removes it afterwards.",
                "It creates a teller, members, accounts and postings (report: made-up loans and accounts written with SQL):",
                "never point --target at a production ledger.",
                "Exit 0 when the run had no errors (business rejections are not errors) and, for report, every target was met;",
                "1 otherwise."})
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--scenario", required = true, converter = Scenario.Converter.class,
            description = "postings (teller mix), reads (balance reads), replay (rebuild all projections from --events events) or report (portfolio and savings reports on a seeded read model)")
    Scenario scenario;

    @Option(names = "--clients", defaultValue = "32", description = "concurrent clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--duration", defaultValue = "30s", converter = Durations.class,
            description = "measured window, e.g. 30s, 2m (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--warmup", defaultValue = "5s", converter = Durations.class,
            description = "unmeasured load before the window (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--accounts", description = "postings/reads/replay: funded accounts to seed over the API (default: 200); "
            + "report: savings accounts to seed with SQL (default: 100000)")
    Integer accounts;

    @Option(names = "--loans", defaultValue = "50000", description = "report: loans to seed with SQL (default: ${DEFAULT-VALUE})")
    int loans;

    @Option(names = "--repeats", defaultValue = "20",
            description = "report: measured requests per case, one at a time (default: ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--cases", description = "report: only the cases whose name contains this text, "
            + "e.g. 'portfolio today' (the three with the 200 ms target); default: every case")
    String cases;

    @Option(names = "--events", defaultValue = "1000000",
            description = "replay: events to append before the rebuild (default: ${DEFAULT-VALUE})")
    long events;

    @Option(names = "--rate", defaultValue = "0",
            description = "operations per second over all clients, open loop; 0 = closed loop (default)")
    double rate;

    @Option(names = "--target", description = "base URL of a running ledger, e.g. http://127.0.0.1:8080")
    URI target;

    @Option(names = "--admin-password", defaultValue = "${env:LEDGER_ADMIN_PASSWORD}",
            description = "the target's admin password (default: $LEDGER_ADMIN_PASSWORD)")
    String adminPassword;

    @Option(names = "--db-url", defaultValue = "${env:LEDGER_DB_URL}",
            description = "the target's JDBC URL, for the baseline and the PostgreSQL version (default: $LEDGER_DB_URL)")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:LEDGER_DB_USER:-postgres}", description = "database user")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:LEDGER_DB_PASSWORD}", description = "database password")
    String dbPassword;

    @Option(names = "--no-baseline", negatable = false, description = "skip the JDBC baseline")
    boolean noBaseline;

    @Option(names = "--settle", negatable = false,
            description = "postings/reads: before the measured run, load the ledger in 30 s windows until its rate "
                    + "stops rising (a fresh ledger compiles for minutes; at most 5 minutes)")
    boolean settle;

    @Option(names = "--ledger-property", paramLabel = "NAME=VALUE",
            description = "in-process: a Spring property for the ledger, repeatable (e.g. ledger.projections.batch-size=1000), to measure a what-if")
    List<String> ledgerProperties = new ArrayList<>();

    @Option(names = "--out", defaultValue = "target/bench.json", description = "JSON report (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() {
        if (scenario == Scenario.REPLAY) {
            return replay();
        }
        DatabaseTarget database = dbUrl == null || dbUrl.isBlank() ? null : new DatabaseTarget(dbUrl, dbUser, dbPassword);
        if (scenario == Scenario.REPORT) {
            return report(database);
        }
        BenchSettings settings = new BenchSettings(scenario, clients, duration, warmup, accounts == null ? 200 : accounts, rate, target,
                adminPassword, database, !noBaseline, ledgerProperties, settle);
        BenchReport report = Benchmark.run(settings, System.err);
        System.out.print(ReportTable.render(report));
        ReportJson.write(report, out);
        System.err.println("report written to " + out.toAbsolutePath());
        return report.errorCount() == 0 ? 0 : 1;
    }

    /** Exit 0 when every case with a target met it and no request failed, 1 otherwise: a script can tell. */
    private Integer report(DatabaseTarget database) {
        PortfolioBenchSettings settings = new PortfolioBenchSettings(loans, accounts == null ? 100_000 : accounts,
                repeats, target, adminPassword, database, ledgerProperties, cases);
        PortfolioBenchReport report = PortfolioBench.run(settings, System.err);
        System.out.print(report.table());
        ReportJson.write(report, out);
        System.err.println("report written to " + out.toAbsolutePath());
        return report.passed() ? 0 : 1;
    }

    /** The replay seeds through the ledger's own beans, so it needs the ledger in this process. */
    private Integer replay() {
        if (target != null) {
            throw new IllegalArgumentException("--scenario replay runs its own ledger in-process; --target is not supported");
        }
        if (events < 1 || events > ReplayBenchmark.MAX_EVENTS) {
            throw new IllegalArgumentException("--events must be 1 to " + ReplayBenchmark.MAX_EVENTS);
        }
        int replayAccounts = accounts == null ? 200 : accounts;
        if (replayAccounts < 2 || replayAccounts > BenchSettings.MAX_ACCOUNTS) {
            throw new IllegalArgumentException("--accounts must be 2 to " + BenchSettings.MAX_ACCOUNTS);
        }
        ReplayReport report = ReplayBenchmark.run(events, replayAccounts, clients, !noBaseline, ledgerProperties, System.err);
        System.out.print(ReplayTable.render(report));
        ReportJson.write(report, out);
        System.err.println("report written to " + out.toAbsolutePath());
        return report.errorCount() == 0 ? 0 : 1;
    }
}

package org.coopledger.ops.bench;

import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * {@code ledgerctl bench --scenario report}: the reports of a cooperative with tens of thousands of
 * loans and savings accounts, each requested over HTTP by a manager, one request at a time (a
 * report is not a high-rate operation; its latency is what a board member waits for). The read
 * model is seeded with SQL ({@link PortfolioSeed}). The same-run baseline is the smallest query any
 * portfolio report needs: a plain-JDBC sum of the active loans' outstanding principal per currency.
 */
public final class PortfolioBench {

    /** What issue #4 asks of the portfolio report on this machine. */
    static final Duration CURRENT_TARGET = Duration.ofMillis(200);
    static final Duration PAST_TARGET = Duration.ofSeconds(5);

    private static final String BASELINE_SQL = """
            SELECT currency, count(*), sum(outstanding_principal) FROM loan_projection
            WHERE status = 'ACTIVE' GROUP BY currency""";

    /** One report request measured repeatedly; {@code target} null when the issue sets none. */
    record Case(String name, String path, String accept, Duration target) {
    }

    private PortfolioBench() {
    }

    public static PortfolioBenchReport run(PortfolioBenchSettings settings, PrintStream progress) {
        progress.println(settings.target() == null ? "starting the ledger in-process on a temporary embedded PostgreSQL"
                : "using the ledger at " + settings.target());
        try (LedgerUnderTest ledger = settings.target() == null ? LedgerUnderTest.startInProcess(settings.ledgerProperties())
                : LedgerUnderTest.remote(settings.target(), settings.adminPassword(), settings.database())) {
            LedgerHttp manager = manager(LedgerHttp.connect(ledger.baseUrl()).as("admin", ledger.adminPassword()));
            LocalDate today = LocalDate.parse(require(manager.get("/api/v1/reports/portfolio"), "the first report")
                    .text("asOf"));
            progress.printf("seeding the read model with SQL: %d loans, %d savings accounts, business date %s%n",
                    settings.loans(), settings.accounts(), today);
            PortfolioSeed.Seeded seeded = PortfolioSeed.seed(ledger.database(), settings.loans(), settings.accounts(), today);
            progress.printf("seeded in %.1f s: %s%n", seeded.seconds(), seeded.rows());
            Machine machine = Machine.describe(ledger.database());
            LatencySummary baseline = baseline(ledger.database(), settings.repeats());
            List<PortfolioBenchReport.CaseFigures> cases = new ArrayList<>();
            HeapFigures heap;
            try (HeapWatch watch = HeapWatch.start(ledger.inProcess())) {
                for (Case c : cases(today, settings.cases())) {
                    progress.printf("%s: %s%n", c.name(), c.path());
                    cases.add(measure(manager::get, c, settings.repeats()));
                }
                heap = watch.figures();
            }
            String ledgerLabel = !ledger.inProcess() ? ledger.baseUrl().toString()
                    : "in-process on its embedded default (PostgreSQL 17, durable commits), temporary data folder";
            return new PortfolioBenchReport(ledgerLabel, machine, settings.repeats(), seeded.today().toString(),
                    new TreeMap<>(seeded.rows()), seeded.seconds(), cases, baseline, heap);
        } catch (IOException e) {
            throw new IllegalStateException("the report benchmark failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the report benchmark was interrupted", e);
        }
    }

    /** {@link #cases(LocalDate)} whose name contains {@code filter} (all when it is null). */
    static List<Case> cases(LocalDate today, String filter) {
        List<Case> chosen = cases(today).stream().filter(c -> filter == null || c.name().contains(filter)).toList();
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("no report case is named like \"" + filter + "\"");
        }
        return chosen;
    }

    /** The current report as a manager opens it, the same with every breakdown, past dates, and the savings report. */
    static List<Case> cases(LocalDate today) {
        String portfolio = "/api/v1/reports/portfolio";
        LocalDate lastMonthEnd = today.withDayOfMonth(1).minusDays(1);
        LocalDate sixMonths = today.minusMonths(6).withDayOfMonth(1).minusDays(1);
        LocalDate twelveMonths = today.minusMonths(12).withDayOfMonth(1).minusDays(1);
        String json = "application/json";
        return List.of(
                new Case("portfolio today", portfolio, json, CURRENT_TARGET),
                new Case("portfolio today, CSV", portfolio, "text/csv", CURRENT_TARGET),
                new Case("portfolio today by all", portfolio + "?groupBy=branch,product,segment,gender", json,
                        CURRENT_TARGET),
                new Case("portfolio end of last month", portfolio + "?asOf=" + lastMonthEnd, json, PAST_TARGET),
                new Case("portfolio 6 months ago", portfolio + "?asOf=" + sixMonths, json, PAST_TARGET),
                new Case("portfolio 12 months ago", portfolio + "?asOf=" + twelveMonths
                        + "&groupBy=branch,product", json, PAST_TARGET),
                new Case("portfolio flows of a year", portfolio + "?from=" + today.minusYears(1).plusDays(1), json,
                        PAST_TARGET),
                new Case("savings today", "/api/v1/reports/savings", json, null),
                new Case("savings 6 months ago", "/api/v1/reports/savings?asOf=" + sixMonths, json, null));
    }

    /** One GET of the ledger, as {@link LedgerHttp#get(String, String)}; a test can answer in its place. */
    @FunctionalInterface
    interface Get {
        LedgerHttp.Reply get(String path, String accept) throws IOException, InterruptedException;
    }

    /**
     * Warm-up, then {@code repeats} measured requests. A request that fails (not 2xx, or no answer) is
     * counted by its problem code, as the other scenarios count errors, and the run goes on: one 503
     * should not hide the figures of every later case. Only answered requests are timed.
     */
    static PortfolioBenchReport.CaseFigures measure(Get manager, Case c, int repeats) throws InterruptedException {
        Map<String, Long> errors = new TreeMap<>();
        for (int i = 0; i < PortfolioBenchSettings.WARMUP; i++) {
            request(manager, c, errors);
        }
        Histogram micros = LatencySummary.newMicrosHistogram();
        long bytes = 0;
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            LedgerHttp.Reply reply = request(manager, c, errors);
            if (reply != null) {
                micros.recordValue((System.nanoTime() - started) / 1_000);
                bytes = reply.body().length;
            }
        }
        return new PortfolioBenchReport.CaseFigures(c.name(), c.path(), c.accept(), bytes,
                LatencySummary.ofMicros(micros), c.target() == null ? null : c.target().toMillis(), errors);
    }

    /** The reply when it is 2xx; otherwise null, and the failure counted under its label. */
    private static LedgerHttp.Reply request(Get manager, Case c, Map<String, Long> errors) throws InterruptedException {
        Outcome outcome;
        try {
            LedgerHttp.Reply reply = manager.get(c.path(), c.accept());
            if (reply.ok()) {
                return reply;
            }
            outcome = reply.outcome();
        } catch (IOException e) {
            outcome = Outcome.ofFailure(e);
        }
        errors.merge(outcome.label(), 1L, Long::sum);
        return null;
    }

    private static LatencySummary baseline(DatabaseTarget database, int repeats) {
        Histogram micros = LatencySummary.newMicrosHistogram();
        try (Connection connection = database.open(); Statement statement = connection.createStatement()) {
            for (int i = 0; i < PortfolioBenchSettings.WARMUP + repeats; i++) {
                long started = System.nanoTime();
                try (ResultSet rs = statement.executeQuery(BASELINE_SQL)) {
                    while (rs.next()) {
                        rs.getBigDecimal(3);
                    }
                }
                if (i >= PortfolioBenchSettings.WARMUP) {
                    micros.recordValue((System.nanoTime() - started) / 1_000);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("the baseline query failed: " + e.getMessage(), e);
        }
        return LatencySummary.ofMicros(micros);
    }

    private static LedgerHttp manager(LedgerHttp admin) throws IOException, InterruptedException {
        String username = "bench-manager-" + UUID.randomUUID().toString().substring(0, 8);
        String password = UUID.randomUUID().toString();
        require(admin.post("/api/v1/users", "{\"username\":\"" + username + "\",\"password\":\"" + password
                + "\",\"roles\":[\"MANAGER\"]}", null), "creating the bench manager (is the admin password right?)");
        return admin.as(username, password);
    }

    private static LedgerHttp.Reply require(LedgerHttp.Reply reply, String what) {
        if (!reply.ok()) {
            throw new IllegalStateException(what + " answered " + reply.status() + " " + reply.problemCode());
        }
        return reply;
    }
}

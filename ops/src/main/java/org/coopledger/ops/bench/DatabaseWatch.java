package org.coopledger.ops.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts what the ledger's database does in a measured window: transactions from
 * pg_stat_database, CPU from {@link CpuWatch} and, when the server keeps pg_stat_statements
 * (the embedded server does with {@code ledger.db.embedded-statement-statistics=true}), every
 * statement's calls and time. Both views are differences of counters read at the start and the
 * end, so the operator's own statistics are not reset.
 *
 * <p>Per posting, these say which statement a change saved or added, which throughput cannot
 * resolve on a noisy 2-core machine. Backends report transaction counts to pg_stat_database up to
 * a second late, so commits over a short window are approximate; pg_stat_statements counts as
 * each statement ends.
 */
final class DatabaseWatch {

    static final int TOP = 12;
    private static final int TEXT_CHARS = 110;

    private final DatabaseTarget db;
    private final CpuWatch cpu;
    private final long[] transactionsBefore;
    private final Map<Long, Counters> statementsBefore;
    private final String statements;

    private DatabaseWatch(DatabaseTarget db) {
        this.db = db;
        this.cpu = CpuWatch.start(db);
        this.transactionsBefore = transactions(db);
        String why;
        Map<Long, Counters> before;
        try {
            before = statements(db);
            why = "pg_stat_statements";
        } catch (SQLException e) {
            before = Map.of();
            why = "no statement figures: pg_stat_statements is not available in this database (not created, or not "
                    + "in shared_preload_libraries; the embedded server keeps it with "
                    + "ledger.db.embedded-statement-statistics=true)";
        }
        this.statementsBefore = before;
        this.statements = why;
    }

    static DatabaseWatch start(DatabaseTarget db) {
        return new DatabaseWatch(db);
    }

    DatabaseFigures figures(long operations, String per) {
        CpuFigures used = cpu.figures();
        long[] transactionsAfter = transactions(db);
        long commits = transactionsAfter == null || transactionsBefore == null ? -1 : transactionsAfter[0] - transactionsBefore[0];
        long rollbacks = transactionsAfter == null || transactionsBefore == null ? -1 : transactionsAfter[1] - transactionsBefore[1];
        if (!statements.equals("pg_stat_statements")) {
            return new DatabaseFigures(per, operations, commits, rollbacks, used, statements, 0, 0, 0,
                    List.of());
        }
        Map<Long, Counters> after;
        try {
            after = statements(db);
        } catch (SQLException e) {
            return new DatabaseFigures(per, operations, commits, rollbacks, used,
                    "no statement figures: pg_stat_statements could not be read at the end (" + e.getMessage() + ")",
                    0, 0, 0, List.of());
        }
        List<Counters> window = new ArrayList<>();
        after.forEach((id, end) -> window.add(end.minus(statementsBefore.get(id))));
        window.removeIf(c -> c.calls == 0);
        long calls = window.stream().mapToLong(c -> c.calls).sum();
        double executor = window.stream().mapToDouble(c -> c.executorMs).sum();
        double planner = window.stream().mapToDouble(c -> c.plannerMs).sum();
        List<DatabaseFigures.Statement> top = window.stream()
                .sorted(Comparator.comparingDouble((Counters c) -> c.executorMs + c.plannerMs).reversed())
                .limit(TOP)
                .map(c -> new DatabaseFigures.Statement(c.text, c.calls, c.rows, c.executorMs + c.plannerMs))
                .toList();
        return new DatabaseFigures(per, operations, commits, rollbacks, used, statements, calls,
                executor, planner, top);
    }

    /** Committed and rolled-back transactions of the current database, or null if unreadable. */
    private static long[] transactions(DatabaseTarget db) {
        try (Connection connection = db.open(); Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery(
                     "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
            return rs.next() ? new long[]{rs.getLong(1), rs.getLong(2)} : null;
        } catch (SQLException e) {
            return null;
        }
    }

    /** The current database's statements, summed per query id (one entry per user and nesting level otherwise). */
    private static Map<Long, Counters> statements(DatabaseTarget db) throws SQLException {
        Map<Long, Counters> byId = new HashMap<>();
        try (Connection connection = db.open(); Statement query = connection.createStatement();
             ResultSet rs = query.executeQuery("""
                     SELECT queryid, calls, rows, total_exec_time, total_plan_time, query FROM pg_stat_statements
                     WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
                       AND queryid IS NOT NULL""")) {
            while (rs.next()) {
                Counters row = new Counters(shorten(rs.getString(6)), rs.getLong(2), rs.getLong(3), rs.getDouble(4), rs.getDouble(5));
                byId.merge(rs.getLong(1), row, Counters::plus);
            }
        }
        return byId;
    }

    private static String shorten(String text) {
        String folded = text == null ? "" : text.replaceAll("\\s+", " ").trim();
        return folded.length() <= TEXT_CHARS ? folded : folded.substring(0, TEXT_CHARS - 1) + "…";
    }

    /** One statement's counters; times in ms as pg_stat_statements gives them (double precision there). */
    private record Counters(String text, long calls, long rows, double executorMs, double plannerMs) {

        Counters plus(Counters other) {
            return new Counters(text, calls + other.calls, rows + other.rows, executorMs + other.executorMs,
                    plannerMs + other.plannerMs);
        }

        /**
         * This minus the start's counters; all of this when the statement is new in the window, or
         * was evicted (pg_stat_statements.max) and counted afresh.
         */
        Counters minus(Counters start) {
            return start == null || start.calls > calls ? this
                    : new Counters(text, calls - start.calls, rows - start.rows, executorMs - start.executorMs,
                    plannerMs - start.plannerMs);
        }
    }
}

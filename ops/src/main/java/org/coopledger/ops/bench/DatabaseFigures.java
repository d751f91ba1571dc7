package org.coopledger.ops.bench;

import java.util.List;

/**
 * What the database did in a run's measured window, per operation of the window (a succeeded
 * posting in the postings scenario, any answered operation in the reads scenario), from
 * {@link DatabaseWatch}.
 *
 * @param per          what one operation is ("posting", "operation")
 * @param operations   the window's operations the figures are divided by
 * @param commits      transactions committed in the ledger's database (pg_stat_database), -1 unknown
 * @param rollbacks    transactions rolled back there, -1 unknown
 * @param cpu          the CPU of this JVM and of the server ({@link CpuWatch}); the server's is -1
 *                     when it could not be read
 * @param statements   how the statement figures were got: "pg_stat_statements", or why there are none
 * @param calls        statements run, 0 without pg_stat_statements
 * @param executorMs   their executor time
 * @param plannerMs    their planning time (0 when pg_stat_statements.track_planning is off)
 * @param top          the statements that took most executor and planner time, most first
 */
public record DatabaseFigures(String per, long operations, long commits, long rollbacks, CpuFigures cpu,
                              String statements, long calls, double executorMs, double plannerMs,
                              List<Statement> top) {

    public DatabaseFigures {
        top = List.copyOf(top);
    }

    /**
     * @param text   the statement as pg_stat_statements normalises it, whitespace folded, cut short
     * @param calls  its calls in the window
     * @param rows   rows it returned or changed in the window
     * @param millis its executor and planner time in the window
     */
    public record Statement(String text, long calls, long rows, double millis) {
    }

    public boolean statementsKnown() {
        return "pg_stat_statements".equals(statements);
    }

    public double perOperation(double total) {
        return operations == 0 ? 0 : total / operations;
    }
}

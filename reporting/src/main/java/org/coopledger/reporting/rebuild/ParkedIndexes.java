package org.coopledger.reporting.rebuild;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Drops the secondary indexes of the largest projection tables while a rebuild replays the
 * history into them, and builds them again once it has caught up: building an index over the
 * filled table in one sort costs PostgreSQL far less than keeping it up to date row by row
 * (docs/PERFORMANCE.md, "Replay, round 4"). The primary keys stay: the projections' writes are
 * idempotent through them ({@code ON CONFLICT}, {@code WHERE ... last_sequence_number < ?}).
 * <p>
 * Only tables that their projections write by primary key and never read while applying events:
 * the loan tables are left alone, since the loan projection sums allocations and penalty charges
 * through their indexes for each repayment. The definition of each dropped index is kept in
 * {@code parked_index}, in the transaction that drops it, so an index is never lost: a start-up
 * finding parked indexes (a crash during a rebuild) builds them before the projections start.
 * Reads of these tables during a rebuild are slower, and show partial data anyway.
 */
@Component
public class ParkedIndexes implements SmartInitializingSingleton {

    /** The tables whose secondary indexes a rebuild drops. */
    static final List<String> TABLES = List.of("journal_line", "savings_statement_line", "savings_account_projection",
            "member_projection", "share_movement");

    private static final Logger log = LoggerFactory.getLogger(ParkedIndexes.class);

    /** Non-unique indexes that back no constraint, with the statement that creates each. */
    private static final String SECONDARY_INDEXES = """
            SELECT ic.relname, tc.relname, pg_get_indexdef(x.indexrelid)
            FROM pg_index x
            JOIN pg_class ic ON ic.oid = x.indexrelid
            JOIN pg_class tc ON tc.oid = x.indrelid
            WHERE tc.relnamespace = current_schema()::regnamespace AND tc.relname = ANY (?)
              AND NOT x.indisunique AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
            ORDER BY tc.relname, ic.relname""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ParkedIndexes(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** An index dropped for a rebuild. */
    record Parked(String name, String table, String definition) {
    }

    /**
     * Drops the secondary indexes of {@link #TABLES}, keeping their definitions, in one transaction.
     * Call it with the tables empty (right after the reset), so that nothing waits long for the locks.
     */
    List<Parked> park() {
        return transactions.execute(status -> {
            List<Parked> parked = jdbc.query(SECONDARY_INDEXES,
                    (rs, row) -> new Parked(rs.getString(1), rs.getString(2), rs.getString(3)),
                    (Object) TABLES.toArray(String[]::new));
            for (Parked index : parked) {
                jdbc.update("INSERT INTO parked_index (index_name, table_name, definition) VALUES (?, ?, ?)",
                        index.name(), index.table(), index.definition());
                jdbc.execute("DROP INDEX " + quoted(index.name()));
            }
            return parked;
        });
    }

    /** The indexes dropped and not yet built again. */
    List<Parked> parked() {
        return jdbc.query("SELECT index_name, table_name, definition FROM parked_index ORDER BY table_name, index_name",
                (rs, row) -> new Parked(rs.getString(1), rs.getString(2), rs.getString(3)));
    }

    int count() {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM parked_index", Integer.class);
        return count == null ? 0 : count;
    }

    /**
     * Builds every parked index again, each in its own transaction with its row in
     * {@code parked_index}, so a crash halfway leaves the rest parked for the next start.
     * No statement timeout: over millions of rows a build may take longer than a request may.
     */
    void restore() {
        for (Parked index : parked()) {
            long start = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                jdbc.execute("SET LOCAL statement_timeout = 0");
                jdbc.execute(ifNotExists(index.definition()));
                jdbc.update("DELETE FROM parked_index WHERE index_name = ?", index.name());
            });
            log.info("projection rebuild: index {} on {} built again in {} ms", index.name(), index.table(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Start-up: indexes left parked by a rebuild that did not finish are built before the projections run. */
    @Override
    public void afterSingletonsInstantiated() {
        List<Parked> left = parked();
        if (!left.isEmpty()) {
            log.warn("{} projection indexes were left dropped by an unfinished rebuild; building them again", left.size());
            restore();
        }
    }

    /** A migration may have created the index again meanwhile; building it twice would fail the start. */
    static String ifNotExists(String definition) {
        return definition.replaceFirst("^CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ");
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}

package org.coopledger.reporting.rebuild;

import org.coopledger.reporting.ReportingDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The secondary indexes a rebuild drops come back exactly as they were, also after a crash in between. */
class ParkedIndexesTest {

    private static ReportingDatabase db;
    private static JdbcTemplate jdbc;
    private static Map<String, String> migrated;

    @BeforeAll
    static void start() {
        db = ReportingDatabase.start();
        jdbc = db.jdbc();
        migrated = indexes();
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @AfterEach
    void restoreAnyLeft() {
        parkedIndexes().restore();
        assertThat(indexes()).isEqualTo(migrated);
    }

    @Test
    void parkingDropsOnlyTheSecondaryIndexesOfTheProjectionTablesWrittenByPrimaryKey() {
        List<ParkedIndexes.Parked> parked = parkedIndexes().park();

        assertThat(parked).extracting(ParkedIndexes.Parked::name).contains("journal_line_account_idx",
                "journal_line_booking_idx", "savings_statement_line_booking_idx");
        assertThat(parked).extracting(ParkedIndexes.Parked::table).allMatch(ParkedIndexes.TABLES::contains);
        Map<String, String> left = indexes();
        parked.forEach(index -> assertThat(left).doesNotContainKey(index.name()));
        // Primary keys carry the projections' idempotence; the loan projection reads through its indexes.
        assertThat(left).containsKeys("journal_line_pk", "loan_movement_loan_idx", "loan_allocation_installment_idx");
        assertThat(db.count("parked_index")).isEqualTo(parked.size());
    }

    @Test
    void restoringBuildsEveryParkedIndexAgainAsItWas() {
        jdbc.update("""
                INSERT INTO journal_line (event_id, line_no, transaction_id, event_type, gl_code, side, amount, currency,
                    booking_date, global_index)
                SELECT 'e' || n, 1, 't' || n, 'DepositRecorded', '2000', 'CREDIT', 10, 'JOD', DATE '2026-01-01' + n % 300, n
                FROM generate_series(1, 5000) n""");
        parkedIndexes().park();

        parkedIndexes().restore();

        assertThat(indexes()).isEqualTo(migrated);
        assertThat(db.count("parked_index")).isZero();
        jdbc.update("DELETE FROM journal_line");
    }

    @Test
    void aStartAfterACrashDuringARebuildBuildsTheParkedIndexesBeforeTheProjectionsRun() {
        parkedIndexes().park();
        assertThat(indexes()).isNotEqualTo(migrated);

        new ParkedIndexes(jdbc, db.transactions()).afterSingletonsInstantiated();

        assertThat(indexes()).isEqualTo(migrated);
        assertThat(db.count("parked_index")).isZero();
    }

    /** A migration after the crash may have created one of them again. */
    @Test
    void anIndexThatExistsAgainIsNotBuiltTwice() {
        ParkedIndexes.Parked one = parkedIndexes().park().get(0);
        jdbc.execute(one.definition());

        parkedIndexes().restore();

        assertThat(indexes()).isEqualTo(migrated);
        assertThat(db.count("parked_index")).isZero();
    }

    @Test
    void aSecondParkingFindsNothingMoreToDrop() {
        int first = parkedIndexes().park().size();

        assertThat(parkedIndexes().park()).isEmpty();
        assertThat(parkedIndexes().count()).isEqualTo(first);
    }

    private static ParkedIndexes parkedIndexes() {
        return new ParkedIndexes(jdbc, db.transactions());
    }

    /** Index name → definition, every index of the schema. */
    private static Map<String, String> indexes() {
        Map<String, String> all = new TreeMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
                rs -> {
                    all.put(rs.getString(1), rs.getString(2));
                });
        return all;
    }
}

package org.coopledger.reporting;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SavepointTest {

    private static ReportingDatabase db;
    private static Savepoint savepoint;

    @BeforeAll
    static void startDatabase() {
        db = ReportingDatabase.start();
        savepoint = new Savepoint(db.transactions());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void empty() {
        db.jdbc().execute("TRUNCATE TABLE member_projection");
    }

    private static void insertMember(String memberId, String legalName, String status) {
        db.jdbc().update("""
                INSERT INTO member_projection (member_id, member_number, sealed_legal_name, segment, branch, join_date,
                    status, last_sequence_number) VALUES (?, 'M-1', ?, 'REFUGEE', 'B', DATE '2026-01-01', ?, 0)""",
                memberId, legalName, status);
    }

    @Test
    void aFailedStatementIsUndoneAloneAndTheSurroundingTransactionCarriesOn() {
        new TransactionTemplate(db.transactions()).executeWithoutResult(tx -> {
            savepoint.run(() -> insertMember("m-1", "First Member", "ACTIVE"));
            assertThatThrownBy(() -> savepoint.run(() -> insertMember("m-2", "Second Member", "BROKEN")))
                    .isInstanceOf(ProjectionWriteException.class);
            savepoint.run(() -> insertMember("m-3", "Third Member", "ACTIVE"));
        });

        assertThat(db.jdbc().queryForList("SELECT member_id FROM member_projection ORDER BY member_id", String.class))
                .containsExactly("m-1", "m-3");
    }

    @Test
    void theFailureNamesTheConstraintButNeverTheRowValues() {
        assertThatThrownBy(() -> savepoint.run(() -> insertMember("m-2", "Amina Secret", "BROKEN")))
                .isInstanceOf(ProjectionWriteException.class)
                .hasNoCause()
                .hasMessageContaining("SQLSTATE 23514")
                .hasMessageContaining("member_projection_status_ck")
                .hasMessageNotContaining("Amina")
                .hasMessageNotContaining("m-2");
    }
}

package org.coopledger.reporting;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Types;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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

    /** As a processor runs a handler: in a batch's unit of work whose message is the event read at {@code position}. */
    private static void asEventAt(long position, Runnable handler) {
        TrackedEventMessage<?> event = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
        new BatchingUnitOfWork<>(event).execute(handler);
    }

    @Test
    void anEventFromTheStreamRunsWithoutASavepointUntilTheDatabaseRefusesOneOfItsBatch() {
        Savepoint lazy = new Savepoint(db.transactions());
        AtomicReference<Throwable> afterFailure = new AtomicReference<>();
        try {
            new TransactionTemplate(db.transactions()).executeWithoutResult(tx -> {
                asEventAt(10, () -> lazy.run(() -> insertMember("m-10", "Tenth Member", "ACTIVE")));
                asEventAt(11, () -> assertThatThrownBy(() -> lazy.run(() -> insertMember("m-11", "Eleventh", "BROKEN")))
                        .isInstanceOf(ProjectionWriteException.class)
                        .hasMessageContaining("retried with a savepoint per event up to global index 11"));
                // No savepoint was taken: the transaction is aborted, as the dead-letter queue would find it.
                try {
                    insertMember("m-12", "Twelfth Member", "ACTIVE");
                } catch (RuntimeException e) {
                    afterFailure.set(e);
                }
                throw new IllegalStateException("the processor rolls the batch back");
            });
        } catch (IllegalStateException expected) {
            // the batch's rollback
        }
        assertThat(afterFailure.get()).as("the transaction was aborted by the failing statement").isNotNull();
        assertThat(db.count("member_projection")).isZero();

        // The retried batch: events up to 11 get savepoints, so 11 fails alone and 10 and 12 are applied.
        new TransactionTemplate(db.transactions()).executeWithoutResult(tx -> {
            asEventAt(10, () -> lazy.run(() -> insertMember("m-10", "Tenth Member", "ACTIVE")));
            asEventAt(11, () -> assertThatThrownBy(() -> lazy.run(() -> insertMember("m-11", "Eleventh", "BROKEN")))
                    .isInstanceOf(ProjectionWriteException.class)
                    .hasMessageNotContaining("retried"));
            asEventAt(12, () -> lazy.run(() -> insertMember("m-12", "Twelfth Member", "ACTIVE")));
        });
        assertThat(db.jdbc().queryForList("SELECT member_id FROM member_projection ORDER BY member_id", String.class))
                .containsExactly("m-10", "m-12");
    }

    private static TrackedEventMessage<?> eventAt(long position) {
        return new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(position),
                GenericEventMessage.asEventMessage("event " + position));
    }

    private static long positionOfCurrentEvent() {
        return ((TrackedEventMessage<?>) CurrentUnitOfWork.get().getMessage()).trackingToken().position().orElseThrow();
    }

    @Test
    void aBatchsDeferredWritesReachTheDatabaseWhenItCommitsInPhaseOrder() {
        Savepoint deferred = new Savepoint(db.transactions(), db.jdbc());
        AtomicLong rowsDuringTheBatch = new AtomicLong(-1);
        new TransactionTemplate(db.transactions()).executeWithoutResult(tx ->
                new BatchingUnitOfWork<>(List.of(eventAt(20), eventAt(21))).execute(() -> {
                    if (positionOfCurrentEvent() == 20) {
                        // Written before the insert of its row, but in a later phase.
                        deferred.write(List.of(new Savepoint.Statement(1,
                                "UPDATE member_projection SET status = 'EXITED' WHERE member_id = ?",
                                new Object[]{"m-20"}, new int[]{Types.VARCHAR})));
                    } else {
                        deferred.write(List.of(new Savepoint.Statement(0, """
                                INSERT INTO member_projection (member_id, member_number, sealed_legal_name, segment,
                                    branch, join_date, status, last_sequence_number)
                                VALUES (?, 'M-1', 'x', 'REFUGEE', 'B', DATE '2026-01-01', 'ACTIVE', 0)""",
                                new Object[]{"m-20"}, new int[]{Types.VARCHAR})));
                        rowsDuringTheBatch.set(db.count("member_projection"));
                    }
                }));

        assertThat(rowsDuringTheBatch).as("nothing is written while the batch runs").hasValue(0);
        assertThat(db.jdbc().queryForObject("SELECT status FROM member_projection WHERE member_id = 'm-20'", String.class))
                .isEqualTo("EXITED");
    }
}

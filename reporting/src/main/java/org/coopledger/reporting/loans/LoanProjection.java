package org.coopledger.reporting.loans;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.LoanAdvanceApplied;
import org.coopledger.core.loans.api.LoanApplicationSubmitted;
import org.coopledger.core.loans.api.LoanApplicationWithdrawn;
import org.coopledger.core.loans.api.LoanApproved;
import org.coopledger.core.loans.api.LoanClosed;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanDisbursed;
import org.coopledger.core.loans.api.LoanGuaranteeCalled;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanPenaltiesCharged;
import org.coopledger.core.loans.api.LoanRecoveryRecorded;
import org.coopledger.core.loans.api.LoanRejected;
import org.coopledger.core.loans.api.LoanRepaymentRecorded;
import org.coopledger.core.loans.api.LoanWrittenOff;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.coopledger.core.loans.api.Schedule;
import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.Savepoint;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps {@code loan_projection}, {@code loan_installment}, {@code loan_movement},
 * {@code loan_allocation} and {@code loan_penalty_charge}. Runs in the processor's transaction (the
 * JdbcTemplate joins it), so rows commit together with the token; each event's SQL runs in one
 * savepoint, so a failing event is dead-lettered whole.
 * <p>
 * Idempotent under replay and redelivery: movement, allocation and penalty rows are keyed by the
 * event identifier and inserted at most once; the installments' paid and penalty columns are
 * recomputed as sums of those rows; the loan's columns are set to the absolute values the events
 * state, and only by an event newer than the last applied (the loan's sequence number).
 * <p>
 * A new kind of loan money event needs one handler that builds a {@link Movement}: if it pays
 * installments, its allocations make it count as a repayment everywhere (schedule, days past due,
 * portfolio) without any other change.
 */
@Component
@ProcessingGroup(ProcessorConfiguration.LOANS)
class LoanProjection {

    /** Explicit types, so that a null global index binds as a BIGINT. */
    private static final int[] MOVEMENT_TYPES = {Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
            Types.VARCHAR, Types.VARCHAR, Types.DATE, Types.CHAR, Types.NUMERIC, Types.NUMERIC, Types.NUMERIC,
            Types.NUMERIC, Types.NUMERIC};

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;

    LoanProjection(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new Savepoint(transactionManager);
    }

    @EventHandler
    void on(LoanApplicationSubmitted event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        Money principal = event.principal();
        savepoint.run(() -> jdbc.update("""
                INSERT INTO loan_projection (loan_id, member_id, product_code, currency, status, principal,
                    installments, submitted_by, submitted_on, submitted_at, outstanding_penalty, outstanding_fee,
                    outstanding_interest, outstanding_principal, advance, written_off_principal, recovered,
                    last_sequence_number)
                VALUES (?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, 0, 0, 0, 0, 0, 0, 0, ?)
                ON CONFLICT (loan_id) DO NOTHING""",
                event.loanId().value(), event.memberId().value(), event.productCode(),
                principal.getCurrencyUnit().getCode(), principal.getAmount(), event.installments(),
                event.submittedBy(), event.submittedOn(), OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC),
                sequenceNumber));
    }

    @EventHandler
    void on(LoanApproved event, @SequenceNumber long sequenceNumber) {
        savepoint.run(() -> updateLoan(event.loanId(), sequenceNumber,
                "status = 'APPROVED', approved_by = ?, approved_on = ?", event.approvedBy(), event.approvedOn()));
    }

    @EventHandler
    void on(LoanRejected event, @SequenceNumber long sequenceNumber) {
        savepoint.run(() -> updateLoan(event.loanId(), sequenceNumber,
                "status = 'REJECTED', rejected_on = ?", event.rejectedOn()));
    }

    @EventHandler
    void on(LoanApplicationWithdrawn event, @SequenceNumber long sequenceNumber) {
        savepoint.run(() -> updateLoan(event.loanId(), sequenceNumber,
                "status = 'WITHDRAWN', withdrawn_on = ?", event.withdrawnOn()));
    }

    /** The schedule becomes the installments; what the loan owes is everything it asks for. */
    @EventHandler
    void on(LoanDisbursed event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Schedule schedule = event.schedule();
        CurrencyUnit currency = event.principal().getCurrencyUnit();
        List<Object[]> installments = new ArrayList<>();
        Money fees = Money.zero(currency);
        for (Installment installment : schedule.installments()) {
            installments.add(new Object[]{event.loanId().value(), installment.number(), installment.dueDate(),
                    currency.getCode(), installment.principal().getAmount(), installment.interest().getAmount(),
                    installment.fee().getAmount()});
            fees = fees.plus(installment.fee());
        }
        LoanComponents owed = new LoanComponents(Money.zero(currency), fees, schedule.interest(), schedule.principal());
        Movement movement = new Movement(event.loanId(), "DISBURSEMENT", event.transactionId(), event.bookingDate(),
                event.principal(), new LoanComponents(Money.zero(currency), event.fees(), Money.zero(currency),
                event.principal()), List.of());
        savepoint.run(() -> {
            jdbc.batchUpdate("""
                    INSERT INTO loan_installment (loan_id, installment_no, due_date, currency, principal_due,
                        interest_due, fee_due, penalty_charged, penalty_paid, fee_paid, interest_paid, principal_paid)
                    VALUES (?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 0)
                    ON CONFLICT (loan_id, installment_no) DO NOTHING""", installments);
            record(movement, message, sequenceNumber);
            updateLoan(event.loanId(), sequenceNumber, "status = 'ACTIVE', disbursed_on = ?, " + OUTSTANDING,
                    join(new Object[]{event.bookingDate()}, amounts(owed)));
        });
    }

    @EventHandler
    void on(LoanRepaymentRecorded event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Movement movement = new Movement(event.loanId(), "REPAYMENT", event.transactionId(), event.bookingDate(),
                event.amount(), event.allocated(), event.allocations());
        savepoint.run(() -> {
            record(movement, message, sequenceNumber);
            updateLoan(event.loanId(), sequenceNumber, OUTSTANDING + ", advance = ?",
                    join(amounts(event.outstandingAfter()), event.advanceAfter().getAmount()));
        });
    }

    @EventHandler
    void on(LoanAdvanceApplied event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Movement movement = new Movement(event.loanId(), "ADVANCE_APPLIED", event.transactionId(),
                event.bookingDate(), event.allocated().total(), event.allocated(), event.allocations());
        savepoint.run(() -> {
            record(movement, message, sequenceNumber);
            updateLoan(event.loanId(), sequenceNumber, OUTSTANDING + ", advance = ?",
                    join(amounts(event.outstandingAfter()), event.advanceAfter().getAmount()));
        });
    }

    @EventHandler
    void on(LoanGuaranteeCalled event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        Movement movement = new Movement(event.loanId(), "GUARANTEE_CALLED", event.transactionId(),
                event.bookingDate(), event.amount(), event.allocated(), event.allocations());
        savepoint.run(() -> {
            record(movement, message, sequenceNumber);
            updateLoan(event.loanId(), sequenceNumber, OUTSTANDING, amounts(event.outstandingAfter()));
        });
    }

    /** Penalties move no money; each charge is kept with its date so that arrears can be dated. */
    @EventHandler
    void on(LoanPenaltiesCharged event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        String loanId = event.loanId().value();
        List<Object[]> charges = new ArrayList<>();
        for (PenaltyCharge charge : event.charges()) {
            charges.add(new Object[]{message.getIdentifier(), charge.installment(), loanId, event.asOf(),
                    charge.amount().getCurrencyUnit().getCode(), charge.amount().getAmount(),
                    charge.periodsChargedAfter()});
        }
        savepoint.run(() -> {
            jdbc.batchUpdate("""
                    INSERT INTO loan_penalty_charge (event_id, installment_no, loan_id, charged_on, currency, amount,
                        periods_charged_after)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (event_id, installment_no) DO NOTHING""", charges);
            for (PenaltyCharge charge : event.charges()) {
                jdbc.update("""
                        UPDATE loan_installment SET penalty_charged =
                            (SELECT COALESCE(SUM(c.amount), 0) FROM loan_penalty_charge c
                             WHERE c.loan_id = ? AND c.installment_no = ?)
                        WHERE loan_id = ? AND installment_no = ?""",
                        loanId, charge.installment(), loanId, charge.installment());
            }
            updateLoan(event.loanId(), sequenceNumber, OUTSTANDING, amounts(event.outstandingAfter()));
        });
    }

    /**
     * The loan leaves the portfolio: it owes nothing any more on the books. The movement keeps what
     * was written off per component, for recoveries and reports.
     */
    @EventHandler
    void on(LoanWrittenOff event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        LoanComponents writtenOff = event.outstanding();
        Movement movement = new Movement(event.loanId(), "WRITE_OFF", event.transactionId(), event.bookingDate(),
                writtenOff.principal(), writtenOff, List.of());
        CurrencyUnit currency = writtenOff.principal().getCurrencyUnit();
        savepoint.run(() -> {
            record(movement, message, sequenceNumber);
            updateLoan(event.loanId(), sequenceNumber,
                    "status = 'WRITTEN_OFF', written_off_on = ?, written_off_principal = ?, " + OUTSTANDING,
                    join(new Object[]{event.bookingDate(), writtenOff.principal().getAmount()},
                            amounts(LoanComponents.zero(currency))));
        });
    }

    @EventHandler
    void on(LoanRecoveryRecorded event, EventMessage<?> message, @SequenceNumber long sequenceNumber) {
        CurrencyUnit currency = event.amount().getCurrencyUnit();
        Movement movement = new Movement(event.loanId(), "RECOVERY", event.transactionId(), event.bookingDate(),
                event.amount(), LoanComponents.zero(currency), List.of());
        savepoint.run(() -> {
            record(movement, message, sequenceNumber);
            updateLoan(event.loanId(), sequenceNumber, "recovered = ?", event.recoveredAfter().getAmount());
        });
    }

    @EventHandler
    void on(LoanClosed event, @SequenceNumber long sequenceNumber) {
        savepoint.run(() -> updateLoan(event.loanId(), sequenceNumber,
                "status = 'CLOSED', closed_on = ?", event.closedOn()));
    }

    /** A replay rebuilds every loan table from the first event. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE TABLE loan_penalty_charge, loan_allocation, loan_movement, loan_installment, "
                + "loan_projection");
    }

    private static final String OUTSTANDING = """
            outstanding_penalty = ?, outstanding_fee = ?, outstanding_interest = ?, outstanding_principal = ?""";

    /** The four outstanding amounts in the order of {@link #OUTSTANDING}. */
    private static Object[] amounts(LoanComponents outstanding) {
        return new Object[]{outstanding.penalty().getAmount(), outstanding.fee().getAmount(),
                outstanding.interest().getAmount(), outstanding.principal().getAmount()};
    }

    private static Object[] join(Object[] first, Object... rest) {
        List<Object> all = new ArrayList<>(Arrays.asList(first));
        all.addAll(Arrays.asList(rest));
        return all.toArray();
    }

    /**
     * Sets {@code assignments} on the loan's row (and the sequence number) unless a newer event
     * already did: a redelivered older event cannot bring back an older state.
     */
    private void updateLoan(LoanId loanId, long sequenceNumber, String assignments, Object... args) {
        List<Object> all = new ArrayList<>(Arrays.asList(args));
        all.add(sequenceNumber);
        all.add(loanId.value());
        all.add(sequenceNumber);
        jdbc.update("UPDATE loan_projection SET " + assignments + ", last_sequence_number = ? "
                + "WHERE loan_id = ? AND last_sequence_number < ?", all.toArray());
    }

    /**
     * Inserts the movement and its allocations once, then recomputes the paid columns of the
     * installments it touched from every allocation on them: absolute values, so applying the same
     * event twice gives the same row.
     */
    private void record(Movement movement, EventMessage<?> message, long sequenceNumber) {
        String eventId = message.getIdentifier();
        String loanId = movement.loanId().value();
        LoanComponents settled = movement.settled();
        jdbc.update("""
                INSERT INTO loan_movement (event_id, loan_id, sequence_number, global_index, kind, transaction_id,
                    booking_date, currency, amount, penalty, fee, interest, principal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""",
                new Object[]{eventId, loanId, sequenceNumber, globalIndex(message), movement.kind(),
                        movement.transactionId().value(), movement.bookingDate(),
                        movement.amount().getCurrencyUnit().getCode(), movement.amount().getAmount(),
                        settled.penalty().getAmount(), settled.fee().getAmount(), settled.interest().getAmount(),
                        settled.principal().getAmount()},
                MOVEMENT_TYPES);
        if (movement.allocations().isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        for (InstallmentAllocation allocation : movement.allocations()) {
            LoanComponents paid = allocation.amounts();
            rows.add(new Object[]{eventId, allocation.installment(), loanId, movement.bookingDate(),
                    paid.principal().getCurrencyUnit().getCode(), paid.penalty().getAmount(), paid.fee().getAmount(),
                    paid.interest().getAmount(), paid.principal().getAmount()});
        }
        jdbc.batchUpdate("""
                INSERT INTO loan_allocation (event_id, installment_no, loan_id, booking_date, currency, penalty, fee,
                    interest, principal)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id, installment_no) DO NOTHING""", rows);
        for (InstallmentAllocation allocation : movement.allocations()) {
            jdbc.update("""
                    UPDATE loan_installment i SET (penalty_paid, fee_paid, interest_paid, principal_paid) =
                        (SELECT COALESCE(SUM(a.penalty), 0), COALESCE(SUM(a.fee), 0), COALESCE(SUM(a.interest), 0),
                                COALESCE(SUM(a.principal), 0)
                         FROM loan_allocation a WHERE a.loan_id = i.loan_id AND a.installment_no = i.installment_no)
                    WHERE i.loan_id = ? AND i.installment_no = ?""", loanId, allocation.installment());
        }
    }

    private static Long globalIndex(EventMessage<?> message) {
        if (message instanceof TrackedEventMessage<?> tracked && tracked.trackingToken() != null) {
            var position = tracked.trackingToken().position();
            return position.isPresent() ? position.getAsLong() : null;
        }
        return null;
    }

    /**
     * What one loan money event did, whichever event it is: {@code amount} the money it moved,
     * {@code settled} its split by component, {@code allocations} what it paid on each installment.
     */
    private record Movement(LoanId loanId, String kind, TransactionId transactionId, LocalDate bookingDate,
                            Money amount, LoanComponents settled, List<InstallmentAllocation> allocations) {
    }
}

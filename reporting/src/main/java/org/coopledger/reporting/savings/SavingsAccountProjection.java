package org.coopledger.reporting.savings;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.GuaranteeCallDebited;
import org.coopledger.core.savings.api.LoanProceedsCredited;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.coopledger.reporting.ProcessorConfiguration;
import org.coopledger.reporting.Savepoint;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.sql.Types;

/**
 * Keeps {@code savings_account_projection} and {@code savings_statement_line}. Runs in the
 * processor's transaction (the JdbcTemplate joins it), so rows commit together with the token.
 * Idempotent under replay and redelivery: a statement line is keyed by (account, sequence number
 * of its event) and inserted at most once; account columns are set to the absolute values the
 * events state (balanceAfter, totalHeldAfter), and only by an event newer than the last applied.
 * A batch's writes go to the database together at its end, and a refused event is dead-lettered
 * (see {@link Savepoint#write}).
 */
@Component
@ProcessingGroup(ProcessorConfiguration.SAVINGS_ACCOUNTS)
class SavingsAccountProjection {

    /**
     * Phases of the deferred writes (see {@link Savepoint#write}): accounts are created before
     * any of their lines and updates ({@link AccountUpdates#PHASE}), and updates keep event order
     * among themselves.
     */
    private static final int INSERT_ACCOUNTS = 0;
    private static final int INSERT_LINES = 1;

    private final JdbcTemplate jdbc;
    private final Savepoint savepoint;

    SavingsAccountProjection(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.savepoint = new Savepoint(transactionManager, jdbc);
    }

    /** The account's currency is the currency of its minimum balance. */
    @EventHandler
    void on(SavingsAccountOpened event, @SequenceNumber long sequenceNumber) {
        Money minimum = event.minimumBalance();
        savepoint.write(List.of(new Savepoint.Statement(INSERT_ACCOUNTS, """
                INSERT INTO savings_account_projection (account_id, member_id, product_code, currency, status,
                    balance, held, minimum_balance, opened_on, last_sequence_number)
                VALUES (?, ?, ?, ?, 'OPEN', 0, 0, ?, ?, ?)
                ON CONFLICT (account_id) DO NOTHING""",
                new Object[]{event.accountId().value(), event.memberId().value(), event.productCode(),
                        minimum.getCurrencyUnit().getCode(), minimum.getAmount(), event.openedOn(), sequenceNumber},
                new int[]{Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.CHAR, Types.NUMERIC, Types.DATE,
                        Types.BIGINT})));
    }

    @EventHandler
    void on(DepositRecorded event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        post(new Movement(event.accountId(), sequenceNumber, event.transactionId(), MovementType.DEPOSIT,
                event.amount(), event.balanceAfter(), event.bookingDate(), event.valueDate(), event.reference(),
                recordedAt));
    }

    @EventHandler
    void on(WithdrawalRecorded event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        post(new Movement(event.accountId(), sequenceNumber, event.transactionId(), MovementType.WITHDRAWAL,
                event.amount(), event.balanceAfter(), event.bookingDate(), event.valueDate(), event.reference(),
                recordedAt));
    }

    /** Transfers carry no value date: they take value on their booking date. */
    @EventHandler
    void on(TransferSent event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        post(new Movement(event.accountId(), sequenceNumber, event.transactionId(), MovementType.TRANSFER_OUT,
                event.amount(), event.balanceAfter(), event.bookingDate(), event.bookingDate(), event.reference(),
                recordedAt));
    }

    @EventHandler
    void on(TransferReceived event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        post(new Movement(event.accountId(), sequenceNumber, event.transactionId(), MovementType.TRANSFER_IN,
                event.amount(), event.balanceAfter(), event.bookingDate(), event.bookingDate(), event.reference(),
                recordedAt));
    }

    /** A loan paid out into the account: value on its booking date; the reference names the loan. */
    @EventHandler
    void on(LoanProceedsCredited event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        post(new Movement(event.accountId(), sequenceNumber, event.transactionId(), MovementType.LOAN_PROCEEDS,
                event.amount(), event.balanceAfter(), event.bookingDate(), event.bookingDate(),
                "loan " + event.loanId(), recordedAt));
    }

    /** A called guarantee paid out of the guarantor's account: value on its booking date; the reference names the loan. */
    @EventHandler
    void on(GuaranteeCallDebited event, @SequenceNumber long sequenceNumber, @Timestamp Instant recordedAt) {
        post(new Movement(event.accountId(), sequenceNumber, event.transactionId(), MovementType.GUARANTEE_CALL,
                event.amount(), event.balanceAfter(), event.bookingDate(), event.bookingDate(),
                "guarantee call on loan " + event.loanId(), recordedAt));
    }

    @EventHandler
    void on(HoldReduced event, @SequenceNumber long sequenceNumber) {
        setHeld(event.accountId(), event.totalHeldAfter(), sequenceNumber);
    }

    @EventHandler
    void on(HoldPlaced event, @SequenceNumber long sequenceNumber) {
        setHeld(event.accountId(), event.totalHeldAfter(), sequenceNumber);
    }

    @EventHandler
    void on(HoldReleased event, @SequenceNumber long sequenceNumber) {
        setHeld(event.accountId(), event.totalHeldAfter(), sequenceNumber);
    }

    @EventHandler
    void on(SavingsAccountClosed event, @SequenceNumber long sequenceNumber) {
        savepoint.write(List.of(AccountUpdates.of(event.accountId(), sequenceNumber, null, null, "CLOSED",
                event.closedOn())));
    }

    /** A replay rebuilds both tables from the first event. */
    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE TABLE savings_statement_line, savings_account_projection");
    }

    private void post(Movement movement) {
        String accountId = movement.accountId().value();
        savepoint.write(List.of(new Savepoint.Statement(INSERT_LINES, """
                        INSERT INTO savings_statement_line (account_id, entry_no, transaction_id, type, direction, amount,
                            currency, balance_after, booking_date, value_date, reference, recorded_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (account_id, entry_no) DO NOTHING""",
                        new Object[]{accountId, movement.entryNo(), movement.transactionId().value(),
                                movement.type().name(), movement.type().direction(), movement.amount().getAmount(),
                                movement.amount().getCurrencyUnit().getCode(), movement.balanceAfter().getAmount(),
                                movement.bookingDate(), movement.valueDate(), movement.reference(),
                                OffsetDateTime.ofInstant(movement.recordedAt(), ZoneOffset.UTC)},
                        new int[]{Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                                Types.NUMERIC, Types.CHAR, Types.NUMERIC, Types.DATE, Types.DATE, Types.VARCHAR,
                                Types.TIMESTAMP_WITH_TIMEZONE}),
                AccountUpdates.of(movement.accountId(), movement.entryNo(), movement.balanceAfter(), null, null, null)));
    }

    private void setHeld(AccountId accountId, Money totalHeldAfter, long sequenceNumber) {
        savepoint.write(List.of(AccountUpdates.of(accountId, sequenceNumber, null, totalHeldAfter, null, null)));
    }

    /** What a statement line records, whichever event it comes from. */
    private record Movement(AccountId accountId, long entryNo, TransactionId transactionId, MovementType type,
                            Money amount, Money balanceAfter, LocalDate bookingDate, LocalDate valueDate,
                            String reference, Instant recordedAt) {
    }
}

package org.coopledger.core.savings;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coopledger.core.axon.AggregateCacheConfiguration;
import org.coopledger.core.axon.SnapshotConfiguration;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.money.MoneyParser;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.GuaranteeCallDebited;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.LoanProceedsCredited;
import org.coopledger.core.savings.api.PlaceHold;
import org.coopledger.core.savings.api.PostingResult;
import org.coopledger.core.savings.api.RecordDeposit;
import org.coopledger.core.savings.api.RecordWithdrawal;
import org.coopledger.core.savings.api.ReleaseHold;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;

/**
 * A member's savings account in one currency. Its floor is the minimum balance plus all holds:
 * no debit may take the balance below it (a deposit may leave a new account still under its
 * minimum). Every money event states the balance after it, and replaying an event whose
 * balance does not follow, or whose debit breaks the floor, fails loudly: that can only be a bug
 * or a tampered event. The stored type is pinned (see {@code Member}).
 */
@Aggregate(type = "SavingsAccount", cache = AggregateCacheConfiguration.SAVINGS_ACCOUNTS,
        snapshotTriggerDefinition = SnapshotConfiguration.SAVINGS_ACCOUNT_TRIGGER)
// Snapshots store the fields (SnapshotConfiguration); the methods are behaviour, not state.
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
class SavingsAccount {

    static final int MAX_REFERENCE_CHARS = 140;
    static final int MAX_TILL_ID_CHARS = 64;
    static final int MAX_HOLD_ID_CHARS = 64;
    static final int MAX_HOLD_REASON_CHARS = 200;
    /** Keeps the account's state, and the sum over its holds, small. */
    static final int MAX_HOLDS = 100;

    enum Status { OPEN, CLOSED }

    @AggregateIdentifier
    private AccountId accountId;
    private MemberId memberId;
    private Status status;
    /** Also fixes the account's currency. */
    private Money minimumBalance;
    private Money balance;
    private final Map<String, Money> holds = new HashMap<>();

    SavingsAccount() {
        // Axon rebuilds accounts from their events.
    }

    /** The opening proper; the caller has checked the member and resolved the product terms. */
    SavingsAccount(SavingsAccountOpened opened) {
        apply(opened);
    }

    @CommandHandler
    PostingResult handle(RecordDeposit command) {
        Money amount = requireAmount(command.amount());
        requireBookable(command.transactionId(), command.bookingDate(), command.reference());
        Require.optionalText(command.tillId(), "tillId", MAX_TILL_ID_CHARS);
        requireOpen();
        apply(new DepositRecorded(accountId, command.transactionId(), amount, balance.plus(amount),
                command.bookingDate(), valueDate(command.valueDate(), command.bookingDate()), command.tillId(),
                command.reference(), JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount)));
        return result(command.transactionId());
    }

    @CommandHandler
    PostingResult handle(RecordWithdrawal command) {
        Money amount = requireAmount(command.amount());
        requireBookable(command.transactionId(), command.bookingDate(), command.reference());
        Require.optionalText(command.tillId(), "tillId", MAX_TILL_ID_CHARS);
        requireOpen();
        requireAvailable(amount);
        apply(new WithdrawalRecorded(accountId, command.transactionId(), amount, balance.minus(amount),
                command.bookingDate(), valueDate(command.valueDate(), command.bookingDate()), command.tillId(),
                command.reference(), JournalEntry.transfer(MEMBER_SAVINGS, CASH_ON_HAND, amount)));
        return result(command.transactionId());
    }

    @CommandHandler
    void handle(PlaceHold command) {
        String holdId = Require.text(command.holdId(), "holdId", MAX_HOLD_ID_CHARS);
        Money amount = requireAmount(command.amount());
        Require.optionalText(command.reason(), "reason", MAX_HOLD_REASON_CHARS);
        requireOpen();
        if (holds.containsKey(holdId)) {
            throw new LedgerException(ErrorCode.DUPLICATE_HOLD, "hold " + holdId + " is already placed");
        }
        if (holds.size() >= MAX_HOLDS) {
            throw Require.invalid("an account has at most " + MAX_HOLDS + " holds");
        }
        requireAvailable(amount);
        apply(new HoldPlaced(accountId, holdId, amount, held().plus(amount), command.reason()));
    }

    @CommandHandler
    void handle(ReleaseHold command) {
        String holdId = Require.text(command.holdId(), "holdId", MAX_HOLD_ID_CHARS);
        Money amount = holds.get(holdId);
        if (amount == null) {
            throw new LedgerException(ErrorCode.HOLD_NOT_FOUND, "no hold " + holdId + " on this account");
        }
        apply(new HoldReleased(accountId, holdId, amount, held().minus(amount)));
    }

    /** The source leg of a transfer; the caller appends the destination leg in the same unit of work. */
    PostingResult send(TransactionId transactionId, AccountId toAccountId, Money amount, LocalDate bookingDate,
                       String reference) {
        requireAmount(amount);
        requireOpen();
        requireAvailable(amount);
        apply(new TransferSent(accountId, transactionId, toAccountId, amount, balance.minus(amount), bookingDate,
                reference, JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, amount)));
        return result(transactionId);
    }

    /** The destination leg of a transfer. */
    PostingResult receive(TransactionId transactionId, AccountId fromAccountId, Money amount, LocalDate bookingDate,
                          String reference) {
        requireAmount(amount);
        requireOpen();
        apply(new TransferReceived(accountId, transactionId, fromAccountId, amount, balance.plus(amount), bookingDate,
                reference, JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS, amount)));
        return result(transactionId);
    }

    /** The savings leg of a loan disbursed into this account; the loan's event holds the other leg. */
    PostingResult receiveLoanProceeds(TransactionId transactionId, String loanId, Money amount, LocalDate bookingDate) {
        requireAmount(amount);
        requireOpen();
        apply(new LoanProceedsCredited(accountId, transactionId, loanId, amount, balance.plus(amount), bookingDate,
                JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS, amount)));
        return result(transactionId);
    }

    /**
     * A called guarantee: releases the hold {@code holdId} and debits what it pledged, but no more
     * than {@code atMost} (what the loan still owes) nor than is available once the hold is gone.
     * The pledge sat inside the floor, so the available amount covers it unless the account's
     * minimum or other holds grew since; answers the amount debited. Refuses with NOTHING_PLEDGED
     * when no such hold is left (released by hand, or nothing could be taken); the release is then
     * rolled back with the refusal.
     */
    Money payGuaranteeCall(String holdId, Money atMost, TransactionId transactionId, String loanId,
                           LocalDate bookingDate) {
        Money pledged = holds.get(holdId);
        if (pledged == null) {
            throw new LedgerException(ErrorCode.NOTHING_PLEDGED, "no pledge " + holdId + " is held on this account");
        }
        requireAmount(atMost);
        apply(new HoldReleased(accountId, holdId, pledged, held().minus(pledged)));
        Money amount = min(min(pledged, atMost), available());
        if (!amount.isPositive()) {
            throw new LedgerException(ErrorCode.NOTHING_PLEDGED, "nothing is available to call on this account");
        }
        apply(new GuaranteeCallDebited(accountId, transactionId, loanId, amount, balance.minus(amount), bookingDate,
                JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, amount)));
        return amount;
    }

    private static Money min(Money a, Money b) {
        return a.isLessThan(b) ? a : b;
    }

    /**
     * Lowers a hold to {@code newAmount}, releasing it when that is zero; a hold already at or below
     * {@code newAmount} stays as it is, so callers can ask for the target without reading the hold.
     */
    void reduceHold(String holdId, Money newAmount) {
        Money current = holds.get(holdId);
        if (current == null) {
            throw new LedgerException(ErrorCode.HOLD_NOT_FOUND, "no hold " + holdId + " on this account");
        }
        if (newAmount.isZero()) {
            apply(new HoldReleased(accountId, holdId, current, held().minus(current)));
        } else if (newAmount.isLessThan(current)) {
            Money released = current.minus(newAmount);
            apply(new HoldReduced(accountId, holdId, released, newAmount, held().minus(released)));
        }
    }

    boolean hasHold(String holdId) {
        return holds.containsKey(holdId);
    }

    boolean isClosed() {
        return status == Status.CLOSED;
    }

    MemberId owner() {
        return memberId;
    }

    Money balance() {
        return balance;
    }

    /** Answers the owner, whose member record must drop the account in the same unit of work. */
    MemberId close(LocalDate closedOn) {
        Require.present(closedOn, "closedOn");
        requireOpen();
        // Holds first: a held account always has a balance too, and the hold is what must go first.
        if (!holds.isEmpty()) {
            throw new LedgerException(ErrorCode.ACCOUNT_HAS_HOLDS, "the account has " + holds.size() + " hold(s)");
        }
        if (!balance.isZero()) {
            throw new LedgerException(ErrorCode.ACCOUNT_BALANCE_NOT_ZERO, "the balance must be zero to close");
        }
        apply(new SavingsAccountClosed(accountId, memberId, closedOn));
        return memberId;
    }

    CurrencyUnit currency() {
        return minimumBalance.getCurrencyUnit();
    }

    static void requireBookable(TransactionId transactionId, LocalDate bookingDate, String reference) {
        Require.present(transactionId, "transactionId");
        Require.present(bookingDate, "bookingDate");
        Require.optionalText(reference, "reference", MAX_REFERENCE_CHARS);
    }

    private Money requireAmount(Money amount) {
        Money checked = MoneyParser.requirePositive(amount);
        if (!checked.getCurrencyUnit().equals(currency())) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH, "the account is held in " + currency().getCode());
        }
        return checked;
    }

    private void requireOpen() {
        if (status != Status.OPEN) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_ACTIVE, "the account is closed");
        }
    }

    private void requireAvailable(Money amount) {
        if (amount.isGreaterThan(available())) {
            throw new LedgerException(ErrorCode.INSUFFICIENT_FUNDS,
                    "the amount exceeds the balance available above the minimum balance and holds");
        }
    }

    private static LocalDate valueDate(LocalDate valueDate, LocalDate bookingDate) {
        return valueDate != null ? valueDate : bookingDate;
    }

    private PostingResult result(TransactionId transactionId) {
        return new PostingResult(transactionId, balance, available());
    }

    /** Negative while a new account is still below its minimum balance. */
    private Money available() {
        return balance.minus(floor());
    }

    private Money floor() {
        return minimumBalance.plus(held());
    }

    private Money held() {
        return holds.values().stream().reduce(Money.zero(currency()), Money::plus);
    }

    @EventSourcingHandler
    void on(SavingsAccountOpened event) {
        accountId = event.accountId();
        memberId = event.memberId();
        minimumBalance = event.minimumBalance();
        balance = Money.zero(currency());
        status = Status.OPEN;
    }

    @EventSourcingHandler
    void on(DepositRecorded event) {
        moveTo(balance.plus(event.amount()), event.balanceAfter());
    }

    @EventSourcingHandler
    void on(WithdrawalRecorded event) {
        moveTo(balance.minus(event.amount()), event.balanceAfter());
        assertNotBelowFloor();
    }

    @EventSourcingHandler
    void on(TransferSent event) {
        moveTo(balance.minus(event.amount()), event.balanceAfter());
        assertNotBelowFloor();
    }

    @EventSourcingHandler
    void on(TransferReceived event) {
        moveTo(balance.plus(event.amount()), event.balanceAfter());
    }

    @EventSourcingHandler
    void on(HoldPlaced event) {
        holds.put(event.holdId(), event.amount());
        assertHeld(event.totalHeldAfter());
        assertNotBelowFloor();
    }

    @EventSourcingHandler
    void on(LoanProceedsCredited event) {
        moveTo(balance.plus(event.amount()), event.balanceAfter());
    }

    @EventSourcingHandler
    void on(GuaranteeCallDebited event) {
        moveTo(balance.minus(event.amount()), event.balanceAfter());
        assertNotBelowFloor();
    }

    @EventSourcingHandler
    void on(HoldReduced event) {
        Money before = holds.get(event.holdId());
        if (before == null || !before.minus(event.amountReleased()).equals(event.holdAfter())
                || !event.holdAfter().isPositive()) {
            throw new IllegalStateException("account " + accountId + ": a hold reduction does not follow from the hold");
        }
        holds.put(event.holdId(), event.holdAfter());
        assertHeld(event.totalHeldAfter());
    }

    @EventSourcingHandler
    void on(HoldReleased event) {
        holds.remove(event.holdId());
        assertHeld(event.totalHeldAfter());
    }

    @EventSourcingHandler
    void on(SavingsAccountClosed event) {
        status = Status.CLOSED;
    }

    private void moveTo(Money expected, Money balanceAfter) {
        if (!expected.equals(balanceAfter)) {
            throw new IllegalStateException("account " + accountId
                    + ": a recorded balance does not follow from the one before");
        }
        balance = balanceAfter;
    }

    private void assertNotBelowFloor() {
        if (balance.isLessThan(floor())) {
            throw new IllegalStateException("account " + accountId
                    + ": a debit took the balance below its floor");
        }
    }

    private void assertHeld(Money totalHeldAfter) {
        if (!held().equals(totalHeldAfter)) {
            throw new IllegalStateException("account " + accountId
                    + ": the recorded total held differs from its holds");
        }
    }
}

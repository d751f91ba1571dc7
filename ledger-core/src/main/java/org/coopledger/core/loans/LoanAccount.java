package org.coopledger.core.loans;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coopledger.core.axon.AggregateCacheConfiguration;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.ApproveLoan;
import org.coopledger.core.loans.api.CallGuarantee;
import org.coopledger.core.loans.api.DisburseLoan;
import org.coopledger.core.loans.api.DisbursementChannel;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.LoanAdvanceApplied;
import org.coopledger.core.loans.api.LoanApplicationSubmitted;
import org.coopledger.core.loans.api.LoanApplicationWithdrawn;
import org.coopledger.core.loans.api.LoanApproved;
import org.coopledger.core.loans.api.LoanClosed;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanDisbursed;
import org.coopledger.core.loans.api.LoanGuaranteeCalled;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanPenaltiesCharged;
import org.coopledger.core.loans.api.LoanRecoveryRecorded;
import org.coopledger.core.loans.api.LoanRejected;
import org.coopledger.core.loans.api.LoanRepaymentRecorded;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.LoanWrittenOff;
import org.coopledger.core.loans.api.OverpaymentPolicy;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.coopledger.core.loans.api.PenaltyResult;
import org.coopledger.core.loans.api.RecordLoanRepayment;
import org.coopledger.core.loans.api.RecordRecovery;
import org.coopledger.core.loans.api.RejectLoan;
import org.coopledger.core.loans.api.RepaymentResult;
import org.coopledger.core.loans.api.Schedule;
import org.coopledger.core.loans.api.WithdrawLoanApplication;
import org.coopledger.core.loans.api.WriteOffLoan;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.money.MoneyParser;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.FEE_INCOME;
import static org.coopledger.core.journal.GlAccount.LOANS_PRINCIPAL;
import static org.coopledger.core.journal.GlAccount.LOAN_ADVANCES;
import static org.coopledger.core.journal.GlAccount.LOAN_INTEREST_INCOME;
import static org.coopledger.core.journal.GlAccount.LOAN_LOSS_EXPENSE;
import static org.coopledger.core.journal.GlAccount.LOAN_RECOVERY_INCOME;
import static org.coopledger.core.journal.GlAccount.PENALTY_INCOME;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;

/**
 * A member's loan, from application to closure or write-off. After disbursement it keeps, per
 * installment, what is due and what is paid ({@link InstallmentBalance}); every money event states
 * what the loan still owes after it, and replaying an event that does not follow fails loudly.
 * Interest, fees and penalties are income when paid (cash basis): the only receivable on the books
 * is principal (1100). Cross-aggregate steps (savings, guarantors) are in {@link LoanAccountHandlers}.
 */
@Aggregate(type = "LoanAccount", cache = AggregateCacheConfiguration.LOAN_ACCOUNTS)
class LoanAccount {

    static final int MAX_USERNAME_CHARS = 64;
    static final int MAX_REASON_CHARS = 500;
    static final int MAX_TILL_ID_CHARS = 64;

    enum Status { SUBMITTED, APPROVED, ACTIVE, CLOSED, REJECTED, WITHDRAWN, WRITTEN_OFF }

    @AggregateIdentifier
    private LoanId loanId;
    private MemberId memberId;
    private Status status;
    private LoanTerms terms;
    private Money principal;
    private int installmentCount;
    private List<Guarantee> guarantors;
    private String submittedBy;
    private LocalDate submittedOn;
    private LocalDate approvedOn;
    private LocalDate disbursedOn;
    private final List<InstallmentBalance> schedule = new ArrayList<>();
    private Money advance;
    private LoanComponents writtenOff;
    private Money recovered;
    /** Guarantees called so far, by pledged account: each can be called once. */
    private final Set<AccountId> calledGuarantees = new HashSet<>();

    LoanAccount() {
        // Axon rebuilds loans from their events.
    }

    /** The application proper; the caller has checked member, product ranges and guarantees. */
    LoanAccount(LoanApplicationSubmitted submitted) {
        apply(submitted);
    }

    void approve(ApproveLoan command, Money compulsorySavingsBalance) {
        String approvedBy = Require.text(command.approvedBy(), "approvedBy", MAX_USERNAME_CHARS);
        Require.present(command.approvedOn(), "approvedOn");
        requireStatus(Status.SUBMITTED, "approved");
        requireNotBefore(command.approvedOn(), submittedOn, "approvedOn");
        if (approvedBy.equalsIgnoreCase(submittedBy)) {
            throw new LedgerException(ErrorCode.MAKER_CHECKER_VIOLATION,
                    "a loan must be approved by another user than the one who submitted it");
        }
        Money required = principal.multipliedBy(terms.compulsorySavingsRate(), RoundingMode.CEILING);
        if (compulsorySavingsBalance != null && !compulsorySavingsBalance.getCurrencyUnit().equals(currency())) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH, "compulsory savings must be held in "
                    + currency().getCode());
        }
        if (required.isPositive()
                && (compulsorySavingsBalance == null || compulsorySavingsBalance.isLessThan(required))) {
            throw new LedgerException(ErrorCode.INSUFFICIENT_COMPULSORY_SAVINGS,
                    "compulsory savings must be at least " + required + " for this loan");
        }
        apply(new LoanApproved(loanId, approvedBy, command.approvedOn(), command.compulsorySavingsAccountId(),
                compulsorySavingsBalance));
    }

    @CommandHandler
    void handle(RejectLoan command) {
        String rejectedBy = Require.text(command.rejectedBy(), "rejectedBy", MAX_USERNAME_CHARS);
        Require.present(command.rejectedOn(), "rejectedOn");
        Require.optionalText(command.reason(), "reason", MAX_REASON_CHARS);
        requireStatus(Status.SUBMITTED, "rejected");
        apply(new LoanRejected(loanId, rejectedBy, command.rejectedOn(), command.reason()));
    }

    @CommandHandler
    void handle(WithdrawLoanApplication command) {
        Require.present(command.withdrawnOn(), "withdrawnOn");
        Require.optionalText(command.reason(), "reason", MAX_REASON_CHARS);
        if (status != Status.SUBMITTED && status != Status.APPROVED) {
            throw wrongState("withdrawn");
        }
        apply(new LoanApplicationWithdrawn(loanId, command.withdrawnOn(), command.reason()));
    }

    LoanDisbursed disburse(DisburseLoan command) {
        requireBookable(command.transactionId(), command.bookingDate(), command.tillId());
        DisbursementChannel channel = Require.present(command.channel(), "channel");
        if ((channel == DisbursementChannel.SAVINGS) != (command.savingsAccountId() != null)) {
            throw Require.invalid("savingsAccountId is required for, and only for, disbursement into savings");
        }
        requireStatus(Status.APPROVED, "disbursed");
        requireNotBefore(command.bookingDate(), approvedOn, "bookingDate");
        Schedule computed;
        try {
            computed = ScheduleCalculator.calculate(terms, principal, installmentCount, command.bookingDate(),
                    command.firstRepaymentOn());
        } catch (IllegalArgumentException e) {
            throw Require.invalid(e.getMessage());
        }
        Money fees = computed.disbursementFees();
        GlAccount payout = channel == DisbursementChannel.CASH ? CASH_ON_HAND : TRANSFERS_IN_TRANSIT;
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(LOANS_PRINCIPAL, principal),
                JournalLine.credit(payout, principal)));
        if (fees.isPositive()) {
            lines.add(JournalLine.debit(payout, fees));
            lines.add(JournalLine.credit(FEE_INCOME, fees));
        }
        LoanDisbursed disbursed = new LoanDisbursed(loanId, command.transactionId(), memberId, principal, fees,
                principal.minus(fees), channel, command.savingsAccountId(), command.tillId(), command.bookingDate(),
                computed, new JournalEntry(lines));
        apply(disbursed);
        return disbursed;
    }

    RepaymentResult repay(RecordLoanRepayment command) {
        Money amount = requireAmount(command.amount());
        requireBookable(command.transactionId(), command.bookingDate(), command.tillId());
        requireStatus(Status.ACTIVE, "repaid");
        LocalDate date = command.bookingDate();
        requireNotBefore(date, disbursedOn, "bookingDate");
        Money excess = excessOver(date, amount);
        applyAdvance(date, command.transactionId());
        Allocation allocation = Allocation.of(amount, dueBy(date), terms.allocationOrder());
        if (!allocation.unallocated().equals(excess)) {
            throw new IllegalStateException("loan " + loanId + ": allocation left " + allocation.unallocated()
                    + " where " + excess + " was expected");
        }
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(CASH_ON_HAND, amount)));
        lines.addAll(creditsFor(allocation.total()));
        if (excess.isPositive()) {
            lines.add(JournalLine.credit(LOAN_ADVANCES, excess));
        }
        apply(new LoanRepaymentRecorded(loanId, command.transactionId(), amount, date, command.tillId(),
                allocation.installments(), allocation.total(), excess, advance.plus(excess),
                outstanding().minus(allocation.total()), new JournalEntry(lines)));
        boolean closed = closeIfSettled(date);
        return new RepaymentResult(command.transactionId(), allocation.total(), excess, advance, outstanding(), closed);
    }

    /**
     * What of {@code amount} goes beyond what is due on {@code date} once the advance has paid its
     * share; refuses it unless the product holds advances, and even then beyond what the schedule
     * will ever ask for (an advance that could never be used would be lost).
     */
    private Money excessOver(LocalDate date, Money amount) {
        Money dueNow = sumOwed(dueBy(date));
        Money fromAdvance = min(advance, dueNow);
        Money stillDue = dueNow.minus(fromAdvance);
        Money excess = amount.minus(min(amount, stillDue));
        if (excess.isPositive()) {
            if (terms.overpaymentPolicy() == OverpaymentPolicy.REFUSE) {
                throw new LedgerException(ErrorCode.OVERPAYMENT_REFUSED,
                        "the loan accepts at most " + stillDue + " on " + date);
            }
            Money room = outstanding().total().minus(dueNow).minus(advance.minus(fromAdvance));
            if (excess.isGreaterThan(room)) {
                throw new LedgerException(ErrorCode.OVERPAYMENT_REFUSED,
                        "the loan accepts at most " + stillDue.plus(room) + " in all");
            }
        }
        return excess;
    }

    PenaltyResult chargePenalties(LocalDate asOf) {
        Require.present(asOf, "asOf");
        requireStatus(Status.ACTIVE, "charged");
        applyAdvance(asOf, new TransactionId(loanId + "@" + asOf));
        List<PenaltyCharge> charges = new ArrayList<>();
        Money charged = Money.zero(currency());
        if (terms.penaltyRatePerPeriod().signum() > 0) {
            for (InstallmentBalance installment : dueBy(asOf)) {
                int periodsDue = penaltyPeriodsDue(installment, asOf);
                int newPeriods = periodsDue - installment.penaltyPeriodsCharged();
                if (installment.overdueBase().isPositive() && newPeriods > 0) {
                    Money amount = installment.overdueBase().multipliedBy(
                            terms.penaltyRatePerPeriod().multiply(BigDecimal.valueOf(newPeriods)),
                            RoundingMode.HALF_EVEN);
                    charges.add(new PenaltyCharge(installment.number(), newPeriods, periodsDue, amount));
                    charged = charged.plus(amount);
                }
            }
        }
        if (!charges.isEmpty()) {
            LoanComponents outstanding = outstanding();
            apply(new LoanPenaltiesCharged(loanId, asOf, charges, charged,
                    outstanding.with(LoanComponent.PENALTY, outstanding.penalty().plus(charged))));
        }
        boolean closed = closeIfSettled(asOf);
        return new PenaltyResult(charged, daysPastDue(asOf), closed);
    }

    /** One period once the tolerance has passed, and one more for every full period after that. */
    private int penaltyPeriodsDue(InstallmentBalance installment, LocalDate asOf) {
        LocalDate toleratedUntil = installment.dueDate().plusDays(terms.penaltyToleranceDays());
        if (!asOf.isAfter(toleratedUntil)) {
            return 0;
        }
        return Math.toIntExact(1 + terms.frequency().periodsBetween(toleratedUntil.plusDays(1), asOf));
    }

    /**
     * Days since the due date of the oldest installment not fully paid (penalties aside); 0 when
     * nothing is overdue or the loan is not active. An advance counts once applied, which the
     * close-of-business step does every business day.
     */
    int daysPastDue(LocalDate asOf) {
        if (status != Status.ACTIVE) {
            return 0;
        }
        for (InstallmentBalance installment : schedule) {
            if (installment.overdueBase().isPositive()) {
                return installment.dueDate().isBefore(asOf)
                        ? Math.toIntExact(ChronoUnit.DAYS.between(installment.dueDate(), asOf)) : 0;
            }
        }
        return 0;
    }

    /**
     * Checks that the guarantee pledged from {@code command.savingsAccountId()} may be called and
     * answers it, after applying any advance to what has fallen due (as a repayment does), so that
     * days past due count it. A guarantee may be called only on an ACTIVE loan that is past due on
     * the booking date (DPD &gt; 0): a guarantee secures a default, not a schedule. While the borrower
     * is current nothing is in arrears that the guarantor promised to cover, and taking their
     * savings then would make them pay a debt the borrower is still paying. DPD &gt; 0 is the only
     * evidence of default the ledger holds; how late is late enough (30 days, 90 days) is the
     * judgement of the MANAGER who calls, not a rule the ledger can know. A guarantee is called
     * once: the call releases its hold, so nothing pledged is left to call a second time.
     */
    Guarantee guaranteeToCall(CallGuarantee command) {
        requireBookable(command.transactionId(), command.bookingDate(), null);
        Require.text(command.calledBy(), "calledBy", MAX_USERNAME_CHARS);
        AccountId account = Require.present(command.savingsAccountId(), "savingsAccountId");
        requireStatus(Status.ACTIVE, "repaid by its guarantors");
        requireNotBefore(command.bookingDate(), disbursedOn, "bookingDate");
        Guarantee guarantee = guarantors.stream().filter(g -> g.savingsAccountId().equals(account)).findFirst()
                .orElseThrow(() -> new LedgerException(ErrorCode.GUARANTEE_NOT_FOUND,
                        "no guarantee of this loan is pledged from account " + account));
        if (calledGuarantees.contains(account)) {
            throw new LedgerException(ErrorCode.GUARANTEE_ALREADY_CALLED,
                    "the guarantee from account " + account + " has already been called");
        }
        applyAdvance(command.bookingDate(), command.transactionId());
        if (daysPastDue(command.bookingDate()) == 0) {
            throw new LedgerException(ErrorCode.LOAN_NOT_OVERDUE,
                    "a guarantee can be called only when the loan is past due");
        }
        return guarantee;
    }

    /** The most a called guarantee can pay: everything still owed that no advance already covers. */
    Money callableAmount() {
        return outstanding().total().minus(advance);
    }

    /**
     * The loan leg of a called guarantee, for {@code amount} at most {@link #callableAmount()}:
     * allocated oldest installment first, due or not, so that the guarantor's money reduces the debt
     * now rather than waiting as an advance.
     */
    RepaymentResult receiveGuarantee(CallGuarantee command, Guarantee guarantee, Money amount) {
        requireAmount(amount);
        if (amount.isGreaterThan(callableAmount())) {
            throw new IllegalStateException("loan " + loanId + ": a guarantee call beyond what is owed");
        }
        Allocation allocation = Allocation.of(amount, schedule, terms.allocationOrder());
        if (!allocation.unallocated().isZero()) {
            throw new IllegalStateException("loan " + loanId + ": a guarantee call left " + allocation.unallocated());
        }
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(TRANSFERS_IN_TRANSIT, amount)));
        lines.addAll(creditsFor(allocation.total()));
        apply(new LoanGuaranteeCalled(loanId, command.transactionId(), guarantee.guarantorId(),
                guarantee.savingsAccountId(), amount, command.bookingDate(), command.calledBy(),
                allocation.installments(), allocation.total(), outstanding().minus(allocation.total()),
                new JournalEntry(lines)));
        boolean closed = closeIfSettled(command.bookingDate());
        return new RepaymentResult(command.transactionId(), allocation.total(), Money.zero(currency()), advance,
                outstanding(), closed);
    }

    LoanWrittenOff writeOff(WriteOffLoan command) {
        requireBookable(command.transactionId(), command.bookingDate(), null);
        String writtenOffBy = Require.text(command.writtenOffBy(), "writtenOffBy", MAX_USERNAME_CHARS);
        Require.optionalText(command.reason(), "reason", MAX_REASON_CHARS);
        requireStatus(Status.ACTIVE, "written off");
        requireNotBefore(command.bookingDate(), disbursedOn, "bookingDate");
        if (advance.isPositive()) {
            throw new LedgerException(ErrorCode.LOAN_WRONG_STATE,
                    "the loan holds an advance; close of business applies it before a write-off");
        }
        LoanComponents outstanding = outstanding();
        if (!outstanding.principal().isPositive()) {
            throw new LedgerException(ErrorCode.LOAN_WRONG_STATE, "no principal is left to write off");
        }
        LoanWrittenOff event = new LoanWrittenOff(loanId, command.transactionId(), command.bookingDate(),
                writtenOffBy, command.reason(), outstanding,
                JournalEntry.transfer(LOAN_LOSS_EXPENSE, LOANS_PRINCIPAL, outstanding.principal()));
        apply(event);
        return event;
    }

    /** Answers the total recovered so far. */
    @CommandHandler
    Money handle(RecordRecovery command) {
        Money amount = requireAmount(command.amount());
        requireBookable(command.transactionId(), command.bookingDate(), command.tillId());
        requireStatus(Status.WRITTEN_OFF, "recovered");
        Money recoverable = writtenOff.total().minus(recovered);
        if (amount.isGreaterThan(recoverable)) {
            throw new LedgerException(ErrorCode.OVERPAYMENT_REFUSED,
                    "at most " + recoverable + " is left to recover on this loan");
        }
        apply(new LoanRecoveryRecorded(loanId, command.transactionId(), amount, recovered.plus(amount),
                command.bookingDate(), command.tillId(),
                JournalEntry.transfer(CASH_ON_HAND, LOAN_RECOVERY_INCOME, amount)));
        return recovered;
    }

    LoanId loanId() {
        return loanId;
    }

    MemberId borrower() {
        return memberId;
    }

    Money principal() {
        return principal;
    }

    List<Guarantee> guarantors() {
        return guarantors;
    }

    /** Everything the schedule still asks for, due or not, before any advance. */
    LoanComponents outstanding() {
        return schedule.stream().map(InstallmentBalance::owed)
                .reduce(LoanComponents.zero(currency()), LoanComponents::plus);
    }

    private void applyAdvance(LocalDate date, TransactionId transactionId) {
        if (!advance.isPositive()) {
            return;
        }
        Allocation allocation = Allocation.of(advance, dueBy(date), terms.allocationOrder());
        if (!allocation.total().total().isPositive()) {
            return;
        }
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(LOAN_ADVANCES, allocation.total().total())));
        lines.addAll(creditsFor(allocation.total()));
        apply(new LoanAdvanceApplied(loanId, transactionId, date, allocation.installments(), allocation.total(),
                allocation.unallocated(), outstanding().minus(allocation.total()), new JournalEntry(lines)));
    }

    private boolean closeIfSettled(LocalDate date) {
        if (schedule.stream().allMatch(InstallmentBalance::isSettled) && advance.isZero()) {
            apply(new LoanClosed(loanId, date));
            return true;
        }
        return false;
    }

    private static List<JournalLine> creditsFor(LoanComponents paid) {
        List<JournalLine> lines = new ArrayList<>();
        for (LoanComponent component : LoanComponent.values()) {
            Money amount = paid.get(component);
            if (amount.isPositive()) {
                lines.add(JournalLine.credit(incomeOrAsset(component), amount));
            }
        }
        return lines;
    }

    private static GlAccount incomeOrAsset(LoanComponent component) {
        return switch (component) {
            case PENALTY -> PENALTY_INCOME;
            case FEE -> FEE_INCOME;
            case INTEREST -> LOAN_INTEREST_INCOME;
            case PRINCIPAL -> LOANS_PRINCIPAL;
        };
    }

    private List<InstallmentBalance> dueBy(LocalDate date) {
        return schedule.stream().filter(i -> i.isDueBy(date)).toList();
    }

    private Money sumOwed(List<InstallmentBalance> installments) {
        return installments.stream().map(i -> i.owed().total()).reduce(Money.zero(currency()), Money::plus);
    }

    private CurrencyUnit currency() {
        return principal.getCurrencyUnit();
    }

    private Money requireAmount(Money amount) {
        Money checked = MoneyParser.requirePositive(amount);
        if (!checked.getCurrencyUnit().equals(currency())) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH, "the loan is held in " + currency().getCode());
        }
        return checked;
    }

    private static void requireBookable(TransactionId transactionId, LocalDate bookingDate, String tillId) {
        Require.present(transactionId, "transactionId");
        Require.present(bookingDate, "bookingDate");
        Require.optionalText(tillId, "tillId", MAX_TILL_ID_CHARS);
    }

    private static void requireNotBefore(LocalDate date, LocalDate earliest, String field) {
        if (date.isBefore(earliest)) {
            throw Require.invalid(field + " must not be before " + earliest);
        }
    }

    private void requireStatus(Status required, String what) {
        if (status != required) {
            throw wrongState(what);
        }
    }

    private LedgerException wrongState(String what) {
        return new LedgerException(ErrorCode.LOAN_WRONG_STATE, "a " + status + " loan cannot be " + what);
    }

    private static Money min(Money a, Money b) {
        return a.isLessThan(b) ? a : b;
    }

    @EventSourcingHandler
    void on(LoanApplicationSubmitted event) {
        loanId = event.loanId();
        memberId = event.memberId();
        terms = event.terms();
        principal = event.principal();
        installmentCount = event.installments();
        guarantors = List.copyOf(event.guarantors());
        submittedBy = event.submittedBy();
        submittedOn = event.submittedOn();
        advance = Money.zero(currency());
        recovered = Money.zero(currency());
        status = Status.SUBMITTED;
    }

    @EventSourcingHandler
    void on(LoanApproved event) {
        approvedOn = event.approvedOn();
        status = Status.APPROVED;
    }

    @EventSourcingHandler
    void on(LoanRejected event) {
        status = Status.REJECTED;
    }

    @EventSourcingHandler
    void on(LoanApplicationWithdrawn event) {
        status = Status.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(LoanDisbursed event) {
        if (!event.schedule().principal().equals(principal)) {
            throw new IllegalStateException("loan " + loanId + ": the schedule does not repay the principal");
        }
        event.schedule().installments().forEach(i -> schedule.add(new InstallmentBalance(i)));
        disbursedOn = event.bookingDate();
        status = Status.ACTIVE;
    }

    @EventSourcingHandler
    void on(LoanRepaymentRecorded event) {
        pay(event.allocations(), event.allocated());
        if (!event.amount().equals(event.allocated().total().plus(event.advanceHeld()))) {
            throw new IllegalStateException("loan " + loanId + ": a repayment is not fully accounted for");
        }
        moveAdvance(advance.plus(event.advanceHeld()), event.advanceAfter());
        assertOutstanding(event.outstandingAfter());
    }

    @EventSourcingHandler
    void on(LoanAdvanceApplied event) {
        pay(event.allocations(), event.allocated());
        moveAdvance(advance.minus(event.allocated().total()), event.advanceAfter());
        assertOutstanding(event.outstandingAfter());
    }

    @EventSourcingHandler
    void on(LoanGuaranteeCalled event) {
        pay(event.allocations(), event.allocated());
        if (!event.amount().equals(event.allocated().total()) || !calledGuarantees.add(event.savingsAccountId())) {
            throw new IllegalStateException("loan " + loanId + ": a guarantee call is not fully accounted for");
        }
        assertOutstanding(event.outstandingAfter());
    }

    @EventSourcingHandler
    void on(LoanPenaltiesCharged event) {
        for (PenaltyCharge charge : event.charges()) {
            installment(charge.installment()).chargePenalty(charge.amount(), charge.periodsChargedAfter());
        }
        assertOutstanding(event.outstandingAfter());
    }

    @EventSourcingHandler
    void on(LoanClosed event) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(LoanWrittenOff event) {
        writtenOff = event.outstanding();
        status = Status.WRITTEN_OFF;
    }

    @EventSourcingHandler
    void on(LoanRecoveryRecorded event) {
        recovered = recovered.plus(event.amount());
        if (!recovered.equals(event.recoveredAfter()) || recovered.isGreaterThan(writtenOff.total())) {
            throw new IllegalStateException("loan " + loanId + ": recoveries do not follow from the write-off");
        }
    }

    private void pay(List<InstallmentAllocation> allocations, LoanComponents allocated) {
        LoanComponents sum = LoanComponents.zero(currency());
        for (InstallmentAllocation allocation : allocations) {
            installment(allocation.installment()).pay(allocation.amounts());
            sum = sum.plus(allocation.amounts());
        }
        if (!sum.equals(allocated)) {
            throw new IllegalStateException("loan " + loanId + ": allocations do not add up to the amount allocated");
        }
    }

    private InstallmentBalance installment(int number) {
        if (number < 1 || number > schedule.size()) {
            throw new IllegalStateException("loan " + loanId + " has no installment " + number);
        }
        return schedule.get(number - 1);
    }

    private void moveAdvance(Money expected, Money advanceAfter) {
        if (!expected.equals(advanceAfter) || advanceAfter.isNegative()) {
            throw new IllegalStateException("loan " + loanId + ": a recorded advance does not follow from the one before");
        }
        advance = advanceAfter;
    }

    private void assertOutstanding(LoanComponents outstandingAfter) {
        if (!outstanding().equals(outstandingAfter)) {
            throw new IllegalStateException("loan " + loanId + ": a recorded outstanding amount does not follow");
        }
    }
}

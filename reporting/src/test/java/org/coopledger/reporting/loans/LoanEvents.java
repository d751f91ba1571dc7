package org.coopledger.reporting.loans;

import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.DisbursementChannel;
import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.InterestMethod;
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
import org.coopledger.core.loans.api.RepaymentFrequency;
import org.coopledger.core.loans.api.Schedule;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.FEE_INCOME;
import static org.coopledger.core.journal.GlAccount.LOANS_PRINCIPAL;
import static org.coopledger.core.journal.GlAccount.LOAN_ADVANCES;
import static org.coopledger.core.journal.GlAccount.LOAN_INTEREST_INCOME;
import static org.coopledger.core.journal.GlAccount.LOAN_LOSS_EXPENSE;
import static org.coopledger.core.journal.GlAccount.LOAN_RECOVERY_INCOME;
import static org.coopledger.core.journal.GlAccount.PENALTY_INCOME;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;
import static org.coopledger.reporting.SampleEvents.tx;

/**
 * Loan events as the loan aggregate writes them, journal entries included, with every amount given
 * by the test: nothing here allocates or computes a schedule. Appends to a {@link History} under the
 * aggregate type the write side uses.
 */
public final class LoanEvents {

    public static final String AGGREGATE = "LoanAccount";

    private final History history;

    public LoanEvents(History history) {
        this.history = history;
    }

    public static Money money(CurrencyUnit currency, String amount) {
        return Money.of(currency, new BigDecimal(amount));
    }

    /** penalty, fee, interest, principal: the order of {@link LoanComponents}. */
    public static LoanComponents parts(CurrencyUnit currency, String penalty, String fee, String interest,
                                       String principal) {
        return new LoanComponents(money(currency, penalty), money(currency, fee), money(currency, interest),
                money(currency, principal));
    }

    public static Installment installment(int number, LocalDate dueDate, Money principal, Money interest, Money fee) {
        return new Installment(number, dueDate, principal, interest, fee);
    }

    public static InstallmentAllocation paid(int installment, LoanComponents amounts) {
        return new InstallmentAllocation(installment, amounts);
    }

    public static LoanTerms terms(CurrencyUnit currency) {
        return new LoanTerms(currency, Money.of(currency, 1), Money.of(currency, 100_000), new BigDecimal("0.12"),
                RepaymentFrequency.MONTHLY, 1, 36, Amortization.EQUAL_PRINCIPAL, InterestMethod.FLAT, 0, List.of(),
                new BigDecimal("0.02"), 5, LoanTerms.DEFAULT_ALLOCATION_ORDER, OverpaymentPolicy.HOLD_AS_ADVANCE,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }

    public LoanEvents submitted(LoanId loanId, MemberId memberId, String productCode, Money principal,
                                int installments, String submittedBy, LocalDate submittedOn) {
        return append(loanId, new LoanApplicationSubmitted(loanId, memberId, productCode,
                terms(principal.getCurrencyUnit()), principal, installments, List.of(), submittedBy, submittedOn));
    }

    public LoanEvents approved(LoanId loanId, String approvedBy, LocalDate approvedOn) {
        return append(loanId, new LoanApproved(loanId, approvedBy, approvedOn, null, null));
    }

    public LoanEvents rejected(LoanId loanId, String rejectedBy, LocalDate rejectedOn) {
        return append(loanId, new LoanRejected(loanId, rejectedBy, rejectedOn, "insufficient income"));
    }

    public LoanEvents withdrawn(LoanId loanId, LocalDate withdrawnOn) {
        return append(loanId, new LoanApplicationWithdrawn(loanId, withdrawnOn, null));
    }

    /** Paid out in cash; {@code fees} are deducted at disbursement. */
    public LoanEvents disbursed(LoanId loanId, MemberId memberId, String tx, LocalDate bookingDate, Money fees,
                                Installment... installments) {
        Schedule schedule = new Schedule(List.of(installments), fees);
        Money principal = schedule.principal();
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(LOANS_PRINCIPAL, principal),
                JournalLine.credit(CASH_ON_HAND, principal)));
        if (fees.isPositive()) {
            lines.add(JournalLine.debit(CASH_ON_HAND, fees));
            lines.add(JournalLine.credit(FEE_INCOME, fees));
        }
        return append(loanId, new LoanDisbursed(loanId, tx(tx), memberId, principal, fees, principal.minus(fees),
                DisbursementChannel.CASH, null, "TILL-1", bookingDate, schedule, new JournalEntry(lines)));
    }

    public LoanEvents repaid(LoanId loanId, String tx, LocalDate bookingDate, Money amount, Money advanceHeld,
                             Money advanceAfter, LoanComponents outstandingAfter,
                             InstallmentAllocation... allocations) {
        LoanComponents allocated = sum(amount.getCurrencyUnit(), allocations);
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(CASH_ON_HAND, amount)));
        lines.addAll(credits(allocated));
        if (advanceHeld.isPositive()) {
            lines.add(JournalLine.credit(LOAN_ADVANCES, advanceHeld));
        }
        return append(loanId, new LoanRepaymentRecorded(loanId, tx(tx), amount, bookingDate, "TILL-1",
                List.of(allocations), allocated, advanceHeld, advanceAfter, outstandingAfter,
                new JournalEntry(lines)));
    }

    public LoanEvents advanceApplied(LoanId loanId, String tx, LocalDate bookingDate, Money advanceAfter,
                                     LoanComponents outstandingAfter, InstallmentAllocation... allocations) {
        LoanComponents allocated = sum(advanceAfter.getCurrencyUnit(), allocations);
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(LOAN_ADVANCES, allocated.total())));
        lines.addAll(credits(allocated));
        return append(loanId, new LoanAdvanceApplied(loanId, tx(tx), bookingDate, List.of(allocations), allocated,
                advanceAfter, outstandingAfter, new JournalEntry(lines)));
    }

    public LoanEvents guaranteeCalled(LoanId loanId, String tx, LocalDate bookingDate, MemberId guarantor,
                                      LoanComponents outstandingAfter, InstallmentAllocation... allocations) {
        LoanComponents allocated = sum(outstandingAfter.principal().getCurrencyUnit(), allocations);
        List<JournalLine> lines = new ArrayList<>(List.of(JournalLine.debit(TRANSFERS_IN_TRANSIT, allocated.total())));
        lines.addAll(credits(allocated));
        return append(loanId, new LoanGuaranteeCalled(loanId, tx(tx), guarantor, new AccountId("guarantor-savings"),
                allocated.total(), bookingDate, "manager-1", List.of(allocations), allocated, outstandingAfter,
                new JournalEntry(lines)));
    }

    public LoanEvents penalties(LoanId loanId, LocalDate asOf, LoanComponents outstandingAfter,
                                PenaltyCharge... charges) {
        Money charged = Money.zero(outstandingAfter.penalty().getCurrencyUnit());
        for (PenaltyCharge charge : charges) {
            charged = charged.plus(charge.amount());
        }
        return append(loanId, new LoanPenaltiesCharged(loanId, asOf, List.of(charges), charged, outstandingAfter));
    }

    public LoanEvents writtenOff(LoanId loanId, String tx, LocalDate bookingDate, LoanComponents outstanding) {
        return append(loanId, new LoanWrittenOff(loanId, tx(tx), bookingDate, "manager-1", "member left the country",
                outstanding, JournalEntry.transfer(LOAN_LOSS_EXPENSE, LOANS_PRINCIPAL, outstanding.principal())));
    }

    public LoanEvents recovered(LoanId loanId, String tx, LocalDate bookingDate, Money amount, Money recoveredAfter) {
        return append(loanId, new LoanRecoveryRecorded(loanId, tx(tx), amount, recoveredAfter, bookingDate, "TILL-1",
                JournalEntry.transfer(CASH_ON_HAND, LOAN_RECOVERY_INCOME, amount)));
    }

    public LoanEvents closed(LoanId loanId, LocalDate closedOn) {
        return append(loanId, new LoanClosed(loanId, closedOn));
    }

    /** The loan projection on {@code db}, for tests of other packages (it is package-private). */
    public static Object projection(ReportingDatabase db) {
        return new LoanProjection(db.jdbc(), db.transactions());
    }

    /** The loan queries on {@code db}, for tests of other packages (they are package-private). */
    public static LoanQueries queries(ReportingDatabase db) {
        return new JdbcLoanQueries(db.jdbc());
    }

    public History history() {
        return history;
    }

    private LoanEvents append(LoanId loanId, Object event) {
        history.append(AGGREGATE, loanId.value(), event);
        return this;
    }

    private static LoanComponents sum(CurrencyUnit currency, InstallmentAllocation... allocations) {
        LoanComponents total = LoanComponents.zero(currency);
        for (InstallmentAllocation allocation : allocations) {
            total = total.plus(allocation.amounts());
        }
        return total;
    }

    private static List<JournalLine> credits(LoanComponents paid) {
        List<JournalLine> lines = new ArrayList<>();
        for (LoanComponent component : LoanComponent.values()) {
            Money amount = paid.get(component);
            if (amount.isPositive()) {
                lines.add(JournalLine.credit(account(component), amount));
            }
        }
        return lines;
    }

    private static GlAccount account(LoanComponent component) {
        return switch (component) {
            case PENALTY -> PENALTY_INCOME;
            case FEE -> FEE_INCOME;
            case INTEREST -> LOAN_INTEREST_INCOME;
            case PRINCIPAL -> LOANS_PRINCIPAL;
        };
    }
}

package org.coopledger.core.loans;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.loans.api.ApproveLoan;
import org.coopledger.core.loans.api.CallGuarantee;
import org.coopledger.core.loans.api.ChargePenalties;
import org.coopledger.core.loans.api.DisburseLoan;
import org.coopledger.core.loans.api.DisbursementChannel;
import org.coopledger.core.loans.api.DisbursementResult;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.LoanApplicationSubmitted;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanDisbursed;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.PenaltyResult;
import org.coopledger.core.loans.api.RecordLoanRepayment;
import org.coopledger.core.loans.api.RepaymentResult;
import org.coopledger.core.loans.api.SubmitLoanApplication;
import org.coopledger.core.loans.api.WriteOffLoan;
import org.coopledger.core.loans.api.LoanWrittenOff;
import org.coopledger.core.members.MemberAccounts;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.money.MoneyParser;
import org.coopledger.core.savings.SavingsForLoans;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;
import org.springframework.stereotype.Component;

import java.math.RoundingMode;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loan commands that also read or change members and savings accounts. Each runs in one unit of
 * work (one database transaction): a disbursement into savings credits the account, and places the
 * guarantors' holds, in the same transaction as the loan's own event, or none of it happens.
 * Guarantor holds ({@code loan:<loanId>} on each pledged account) shrink in proportion to the
 * principal still outstanding, rounded up so a pledge never covers less than its share, and are
 * released when the loan closes or is written off.
 */
@Component
class LoanAccountHandlers {

    static final int MAX_GUARANTORS = 10;

    private final Repository<LoanAccount> loans;
    private final Repository<LoanProduct> products;
    private final MemberAccounts members;
    private final SavingsForLoans savings;

    LoanAccountHandlers(Repository<LoanAccount> loans, Repository<LoanProduct> products, MemberAccounts members,
                        SavingsForLoans savings) {
        this.loans = loans;
        this.products = products;
        this.members = members;
        this.savings = savings;
    }

    /** Answers the new loan's id. */
    @CommandHandler
    LoanId handle(SubmitLoanApplication command) throws Exception {
        LoanId loanId = Require.present(command.loanId(), "loanId");
        MemberId memberId = Require.present(command.memberId(), "memberId");
        String submittedBy = Require.text(command.submittedBy(), "submittedBy", LoanAccount.MAX_USERNAME_CHARS);
        Require.present(command.submittedOn(), "submittedOn");
        Money principal = MoneyParser.requirePositive(command.principal());
        List<Guarantee> guarantors = command.guarantors() == null ? List.of() : List.copyOf(command.guarantors());
        LoanTerms terms = terms(command.productCode());
        requireWithinProduct(terms, principal, command.installments());
        members.requireActive(memberId);
        requireGuarantees(terms, principal, memberId, guarantors);
        LoanApplicationSubmitted submitted = new LoanApplicationSubmitted(loanId, memberId, command.productCode(),
                terms, principal, command.installments(), guarantors, submittedBy, command.submittedOn());
        loans.newInstance(() -> new LoanAccount(submitted));
        return loanId;
    }

    /** Reads the compulsory savings balance here, so that the loan decides on a fact it cannot fetch itself. */
    @CommandHandler
    void handle(ApproveLoan command) {
        Aggregate<LoanAccount> loan = load(command.loanId());
        AccountId account = command.compulsorySavingsAccountId();
        Money balance = account == null ? null : savings.balanceOf(account, loan.invoke(LoanAccount::borrower));
        loan.execute(l -> l.approve(command, balance));
    }

    @CommandHandler
    DisbursementResult handle(DisburseLoan command) {
        Aggregate<LoanAccount> loan = load(command.loanId());
        LoanDisbursed disbursed = loan.invoke(l -> l.disburse(command));
        if (disbursed.channel() == DisbursementChannel.SAVINGS) {
            savings.creditLoanProceeds(disbursed.savingsAccountId(), disbursed.memberId(), disbursed.transactionId(),
                    disbursed.loanId().value(), disbursed.netAmount(), disbursed.bookingDate());
        }
        for (Guarantee guarantee : inLockOrder(loan.invoke(LoanAccount::guarantors))) {
            savings.placeHold(guarantee.savingsAccountId(), holdId(disbursed.loanId()), guarantee.amount(),
                    "guarantee for loan " + disbursed.loanId());
        }
        return new DisbursementResult(disbursed.transactionId(), disbursed.netAmount(), disbursed.schedule());
    }

    @CommandHandler
    RepaymentResult handle(RecordLoanRepayment command) {
        Aggregate<LoanAccount> loan = load(command.loanId());
        RepaymentResult result = loan.invoke(l -> l.repay(command));
        followPrincipal(loan, result.closed());
        return result;
    }

    @CommandHandler
    PenaltyResult handle(ChargePenalties command) {
        Aggregate<LoanAccount> loan = load(command.loanId());
        PenaltyResult result = loan.invoke(l -> l.chargePenalties(command.asOf()));
        followPrincipal(loan, result.closed());
        return result;
    }

    /**
     * Calls one guarantee (see {@link LoanAccount#guaranteeToCall} for when that is allowed): in one
     * unit of work the guarantor's hold is released, up to the pledge moves from their savings to the
     * loan, and the other guarantors' holds follow the principal still outstanding.
     */
    @CommandHandler
    RepaymentResult handle(CallGuarantee command) {
        Aggregate<LoanAccount> loan = load(command.loanId());
        Guarantee guarantee = loan.invoke(l -> l.guaranteeToCall(command));
        LoanId loanId = loan.invoke(LoanAccount::loanId);
        Money taken = savings.collectGuarantee(guarantee.savingsAccountId(), guarantee.guarantorId(), holdId(loanId),
                loan.invoke(LoanAccount::callableAmount), command.transactionId(), loanId.value(),
                command.bookingDate());
        RepaymentResult result = loan.invoke(l -> l.receiveGuarantee(command, guarantee, taken));
        followPrincipal(loan, result.closed());
        return result;
    }

    /** Guarantees are not called by a write-off; their holds are released with it. */
    /** Answers what the loan owed when it was written off. */
    @CommandHandler
    LoanComponents handle(WriteOffLoan command) {
        Aggregate<LoanAccount> loan = load(command.loanId());
        LoanWrittenOff writtenOff = loan.invoke(l -> l.writeOff(command));
        followPrincipal(loan, true);
        return writtenOff.outstanding();
    }

    private void followPrincipal(Aggregate<LoanAccount> loan, boolean ended) {
        List<Guarantee> guarantors = loan.invoke(LoanAccount::guarantors);
        if (guarantors.isEmpty()) {
            return;
        }
        Money principal = loan.invoke(LoanAccount::principal);
        Money outstanding = loan.invoke(l -> l.outstanding().principal());
        LoanId loanId = loan.invoke(LoanAccount::loanId);
        for (Guarantee guarantee : inLockOrder(guarantors)) {
            Money target = ended ? Money.zero(principal.getCurrencyUnit())
                    : Money.of(principal.getCurrencyUnit(), guarantee.amount().getAmount()
                    .multiply(outstanding.getAmount())
                    .divide(principal.getAmount(), principal.getScale(), RoundingMode.CEILING));
            savings.reduceHoldTo(guarantee.savingsAccountId(), holdId(loanId), target);
        }
    }

    static String holdId(LoanId loanId) {
        return "loan:" + loanId.value();
    }

    /**
     * Accounts are locked in id order, as transfers lock them, so that two commands touching the
     * same accounts queue rather than deadlock.
     */
    private static List<Guarantee> inLockOrder(List<Guarantee> guarantors) {
        return guarantors.stream().sorted(Comparator.comparing(g -> g.savingsAccountId().value())).toList();
    }

    private LoanTerms terms(String productCode) {
        String code = Require.productCode(productCode);
        // As for accounts: an id of another aggregate type is no product.
        try {
            return products.load(code).invoke(LoanProduct::terms);
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.PRODUCT_NOT_FOUND, "no loan product " + code);
        }
    }

    private static void requireWithinProduct(LoanTerms terms, Money principal, int installments) {
        if (!principal.getCurrencyUnit().equals(terms.currency())) {
            throw new LedgerException(ErrorCode.CURRENCY_MISMATCH, "the product lends in " + terms.currency().getCode());
        }
        if (principal.isLessThan(terms.principalMin()) || principal.isGreaterThan(terms.principalMax())) {
            throw new LedgerException(ErrorCode.PRINCIPAL_OUT_OF_RANGE,
                    "the product lends from " + terms.principalMin() + " to " + terms.principalMax());
        }
        if (installments < terms.installmentsMin() || installments > terms.installmentsMax()) {
            throw new LedgerException(ErrorCode.INSTALLMENTS_OUT_OF_RANGE,
                    "the product allows " + terms.installmentsMin() + " to " + terms.installmentsMax() + " installments");
        }
        if (!ScheduleCalculator.disbursementFees(terms, principal).isLessThan(principal)) {
            throw new LedgerException(ErrorCode.PRINCIPAL_OUT_OF_RANGE, "the fees at disbursement take the whole principal");
        }
    }

    private void requireGuarantees(LoanTerms terms, Money principal, MemberId borrower, List<Guarantee> guarantors) {
        if (guarantors.size() > MAX_GUARANTORS) {
            throw Require.invalid("a loan has at most " + MAX_GUARANTORS + " guarantors");
        }
        Set<AccountId> accounts = new HashSet<>();
        Money pledged = Money.zero(principal.getCurrencyUnit());
        for (Guarantee guarantee : guarantors) {
            Require.present(guarantee, "guarantor");
            MemberId guarantor = Require.present(guarantee.guarantorId(), "guarantorId");
            AccountId account = Require.present(guarantee.savingsAccountId(), "savingsAccountId");
            Money amount = MoneyParser.requirePositive(guarantee.amount());
            if (guarantor.equals(borrower)) {
                throw Require.invalid("a borrower cannot guarantee their own loan");
            }
            if (!accounts.add(account)) {
                throw Require.invalid("each guarantee pledges a different savings account");
            }
            savings.requireOpenAccountOf(account, guarantor, principal);
            pledged = pledged.plus(amount);
        }
        Money required = principal.multipliedBy(terms.requiredGuaranteeRate(), RoundingMode.CEILING);
        if (pledged.isLessThan(required)) {
            throw new LedgerException(ErrorCode.INSUFFICIENT_GUARANTEE,
                    "guarantees must add up to at least " + required);
        }
    }

    private Aggregate<LoanAccount> load(LoanId loanId) {
        Require.present(loanId, "loanId");
        // An id whose events belong to another aggregate type loads as incompatible: for this
        // type it does not exist (see SavingsAccountHandlers).
        try {
            return loans.load(loanId.value());
        } catch (AggregateNotFoundException | IncompatibleAggregateException e) {
            throw new LedgerException(ErrorCode.LOAN_NOT_FOUND, "no loan " + loanId);
        }
    }
}

package org.coopledger.core.loans;

import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.ApproveLoan;
import org.coopledger.core.loans.api.DefineLoanProduct;
import org.coopledger.core.loans.api.DisburseLoan;
import org.coopledger.core.loans.api.DisbursementChannel;
import org.coopledger.core.loans.api.DisbursementResult;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.RecordLoanRepayment;
import org.coopledger.core.loans.api.RepaymentResult;
import org.coopledger.core.loans.api.SubmitLoanApplication;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.OpenSavingsAccount;
import org.coopledger.core.savings.api.RecordDeposit;
import org.coopledger.core.testsupport.InMemoryLedger;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

import static org.coopledger.core.testsupport.Samples.USD;
import static org.coopledger.core.testsupport.Samples.registerMember;
import static org.coopledger.core.testsupport.Samples.usd;

/**
 * A cooperative with a borrower and a guarantor, each with a USD savings account, for loan tests
 * that run through the real handlers. The standard loan is 1,000.00 at 12 % over 3 months,
 * disbursed on 15 January 2026: installments of 340.02 (10.00 + 330.02), 340.02 (6.70 + 333.32)
 * and 340.03 (3.37 + 336.66), due on the 15th of February, March and April.
 */
final class LoanDesk implements AutoCloseable {

    static final MemberId BORROWER = new MemberId("member-borrower");
    static final MemberId GUARANTOR = new MemberId("member-guarantor");
    static final AccountId BORROWER_SAVINGS = new AccountId("account-borrower");
    static final AccountId GUARANTOR_SAVINGS = new AccountId("account-guarantor");
    static final LoanId LOAN = new LoanId("loan-1");
    static final String PRODUCT = "MONTHLY12";
    static final LocalDate SUBMITTED_ON = LocalDate.of(2026, 1, 12);
    static final LocalDate DISBURSED_ON = LocalDate.of(2026, 1, 15);
    static final LocalDate FEB_15 = LocalDate.of(2026, 2, 15);
    static final LocalDate MAR_15 = LocalDate.of(2026, 3, 15);
    static final LocalDate APR_15 = LocalDate.of(2026, 4, 15);
    static final TransactionId DISBURSEMENT = new TransactionId("t-disburse");

    final InMemoryLedger ledger = new InMemoryLedger();
    private int transactions;

    LoanDesk() {
        ledger.send(registerMember(BORROWER, null));
        ledger.send(registerMember(GUARANTOR, null));
        ledger.send(new OpenSavingsAccount(BORROWER_SAVINGS, BORROWER, null, USD, SUBMITTED_ON));
        ledger.send(new OpenSavingsAccount(GUARANTOR_SAVINGS, GUARANTOR, null, USD, SUBMITTED_ON));
    }

    static TermsBuilder standardTerms() {
        return TermsBuilder.in(USD).principal(usd("100.00"), usd("5000.00")).installments(2, 24);
    }

    LoanDesk product(LoanTerms terms) {
        ledger.send(new DefineLoanProduct(PRODUCT, "Monthly at 12 %", terms));
        return this;
    }

    LoanDesk deposit(AccountId account, Money amount) {
        ledger.send(new RecordDeposit(account, next(), amount, SUBMITTED_ON, null, "till-1", null));
        return this;
    }

    SubmitLoanApplication application(Money principal, int installments, List<Guarantee> guarantors) {
        return new SubmitLoanApplication(LOAN, BORROWER, PRODUCT, principal, installments, guarantors, "maker",
                SUBMITTED_ON);
    }

    LoanDesk submitted(List<Guarantee> guarantors) {
        ledger.send(application(usd("1000.00"), 3, guarantors));
        return this;
    }

    LoanDesk approved() {
        ledger.send(new ApproveLoan(LOAN, "checker", SUBMITTED_ON, null));
        return this;
    }

    DisburseLoan inCash() {
        return new DisburseLoan(LOAN, DISBURSEMENT, DISBURSED_ON, null, DisbursementChannel.CASH, null, "till-1");
    }

    DisbursementResult disbursed() {
        return ledger.send(inCash());
    }

    /** The standard loan, active, under the given terms and guarantees. */
    LoanDesk active(LoanTerms terms, List<Guarantee> guarantors) {
        product(terms).submitted(guarantors).approved().disbursed();
        return this;
    }

    RecordLoanRepayment repayment(TransactionId id, Money amount, LocalDate on) {
        return new RecordLoanRepayment(LOAN, id, amount, on, "till-1");
    }

    RepaymentResult repay(Money amount, LocalDate on) {
        return ledger.send(repayment(next(), amount, on));
    }

    int mark() {
        return ledger.events().size();
    }

    List<Object> eventsSince(int mark) {
        List<Object> events = ledger.events();
        return events.subList(mark, events.size());
    }

    private TransactionId next() {
        return new TransactionId("t-" + ++transactions);
    }

    @Override
    public void close() {
        ledger.close();
    }
}

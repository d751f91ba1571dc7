package org.coopledger.api.loans;

import org.coopledger.reporting.loans.LoanView;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * One loan: its status, what it still owes per component and in all, and its days past due on
 * {@code asOf} (the business date). {@code submittedBy} and {@code approvedBy} are staff logins,
 * shown to staff only.
 */
public record LoanResponse(String loanId,
                           String memberId,
                           String productCode,
                           String status,
                           Money principal,
                           int installments,
                           LocalDate submittedOn,
                           String submittedBy,
                           LocalDate approvedOn,
                           String approvedBy,
                           LocalDate disbursedOn,
                           LocalDate closedOn,
                           Components outstanding,
                           Money advance,
                           Money writtenOffPrincipal,
                           Money recovered,
                           LocalDate oldestUnpaidDueDate,
                           int daysPastDue,
                           LocalDate asOf) {

    public static LoanResponse of(LoanView view, LocalDate asOf, boolean showStaff) {
        return new LoanResponse(view.loanId().value(), view.memberId().value(), view.productCode(), view.status(),
                view.principal(), view.installments(), view.submittedOn(), showStaff ? view.submittedBy() : null,
                view.approvedOn(), showStaff ? view.approvedBy() : null, view.disbursedOn(), view.closedOn(),
                Components.of(view.outstanding()), view.advance(), view.writtenOffPrincipal(), view.recovered(),
                view.oldestUnpaidDueDate(), view.daysPastDue(asOf), asOf);
    }
}

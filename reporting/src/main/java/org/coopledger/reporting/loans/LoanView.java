package org.coopledger.reporting.loans;

import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.members.api.MemberId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * One loan as the projection holds it. {@code status} is the aggregate's status name
 * (SUBMITTED, APPROVED, ACTIVE, CLOSED, REJECTED, WITHDRAWN, WRITTEN_OFF). {@code outstanding}
 * is what is still owed per component on charged amounts (zero before disbursement and after
 * closure or write-off). {@code oldestUnpaidDueDate} is the due date of the oldest installment
 * whose principal, interest or fee is not fully paid (penalties aside, as in the aggregate);
 * null when none is.
 */
public record LoanView(LoanId loanId,
                       MemberId memberId,
                       String productCode,
                       String status,
                       Money principal,
                       int installments,
                       String submittedBy,
                       LocalDate submittedOn,
                       String approvedBy,
                       LocalDate approvedOn,
                       LocalDate disbursedOn,
                       LocalDate closedOn,
                       LoanComponents outstanding,
                       Money advance,
                       Money writtenOffPrincipal,
                       Money recovered,
                       LocalDate oldestUnpaidDueDate) {

    /** Days past due on {@code asOf}: days since the oldest unpaid due date, 0 when nothing is overdue or the loan is not ACTIVE. */
    public int daysPastDue(LocalDate asOf) {
        if (!"ACTIVE".equals(status) || oldestUnpaidDueDate == null || !oldestUnpaidDueDate.isBefore(asOf)) {
            return 0;
        }
        return Math.toIntExact(ChronoUnit.DAYS.between(oldestUnpaidDueDate, asOf));
    }
}

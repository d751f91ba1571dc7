package org.coopledger.core.loans.api;

import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Penalties added to overdue installments. Not a journal event: like interest, a penalty is income
 * when paid (Cr 4200 in the repayment), so charging it moves no money.
 */
public record LoanPenaltiesCharged(LoanId loanId, LocalDate asOf, List<PenaltyCharge> charges, Money charged,
                                   LoanComponents outstandingAfter) {

    public LoanPenaltiesCharged {
        charges = List.copyOf(charges);
    }
}

package org.coopledger.reporting.verify;

import org.coopledger.core.loans.api.LoanComponents;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/**
 * A loan as recomputed from its events alone: what the loan projection should show, plus totals
 * of its movement rows (how many, and what their allocations and penalty charges add up to) so
 * that a row a processor skipped shows even when a later event set the loan's columns right again.
 */
final class LoanState {

    final CurrencyUnit currency;
    String status = "SUBMITTED";
    LoanComponents outstanding;
    Money advance;
    Money writtenOffPrincipal;
    Money recovered;
    /** Events that write a {@code loan_movement} row. */
    long movements;
    /** What payments allocated, over all their installments: the sum of the {@code loan_allocation} rows. */
    LoanComponents allocated;
    Money penaltiesCharged;
    int installments;

    LoanState(CurrencyUnit currency) {
        this.currency = currency;
        this.outstanding = LoanComponents.zero(currency);
        this.allocated = LoanComponents.zero(currency);
        Money zero = Money.zero(currency);
        this.advance = zero;
        this.writtenOffPrincipal = zero;
        this.recovered = zero;
        this.penaltiesCharged = zero;
    }
}

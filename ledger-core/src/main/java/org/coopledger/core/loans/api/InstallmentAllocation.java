package org.coopledger.core.loans.api;

/** What one payment (or advance) paid on one installment, by component. */
public record InstallmentAllocation(int installment, LoanComponents amounts) {
}

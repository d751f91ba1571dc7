package org.coopledger.core.loans.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The member takes the application back, before disbursement. */
public record WithdrawLoanApplication(@TargetAggregateIdentifier LoanId loanId, LocalDate withdrawnOn,
                                      String reason) {
}

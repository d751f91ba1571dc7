package org.coopledger.core.loans.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

public record RejectLoan(@TargetAggregateIdentifier LoanId loanId, String rejectedBy, LocalDate rejectedOn,
                         String reason) {
}

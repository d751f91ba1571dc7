package org.coopledger.core.loans.api;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Cash collected on a written-off loan. */
public record RecordRecovery(@TargetAggregateIdentifier LoanId loanId,
                             TransactionId transactionId,
                             Money amount,
                             LocalDate bookingDate,
                             String tillId) {
}

package org.coopledger.core.loans.api;

import org.coopledger.core.journal.TransactionId;

import java.time.LocalDate;

/** A manager writes off a defaulted loan; the API allows it to the MANAGER role only. */
public record WriteOffLoan(LoanId loanId, TransactionId transactionId, LocalDate bookingDate, String writtenOffBy,
                           String reason) {
}

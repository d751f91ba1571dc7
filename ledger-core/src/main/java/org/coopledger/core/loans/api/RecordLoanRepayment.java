package org.coopledger.core.loans.api;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Cash paid in at a till towards a loan. */
public record RecordLoanRepayment(LoanId loanId,
                                  TransactionId transactionId,
                                  Money amount,
                                  LocalDate bookingDate,
                                  String tillId) {
}

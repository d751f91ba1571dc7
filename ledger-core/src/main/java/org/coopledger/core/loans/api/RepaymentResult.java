package org.coopledger.core.loans.api;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

/** What a repayment answers: how it was split, what is still owed and whether the loan closed. */
public record RepaymentResult(TransactionId transactionId, LoanComponents allocated, Money advanceHeld,
                              Money advanceAfter, LoanComponents outstanding, boolean closed) {
}

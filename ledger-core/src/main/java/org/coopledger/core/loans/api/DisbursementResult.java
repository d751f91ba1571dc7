package org.coopledger.core.loans.api;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

/** What a disbursement answers: the amount the member received and the schedule they owe. */
public record DisbursementResult(TransactionId transactionId, Money netAmount, Schedule schedule) {
}

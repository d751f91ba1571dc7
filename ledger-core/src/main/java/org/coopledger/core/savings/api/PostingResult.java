package org.coopledger.core.savings.api;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

/** What a money movement on one account answers: its transaction and the account after it. */
public record PostingResult(TransactionId transactionId, Money balance, Money available) {
}

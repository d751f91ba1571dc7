package org.coopledger.core.savings.api;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * Moves money between two accounts of the same currency. Both legs are appended in one
 * database transaction, so the ledger never holds a debited-but-not-credited transfer.
 */
public record TransferFunds(TransactionId transactionId,
                            AccountId fromAccountId,
                            AccountId toAccountId,
                            Money amount,
                            LocalDate bookingDate,
                            String reference) {
}

package org.coopledger.core.savings.api;

import org.coopledger.core.journal.TransactionId;

/** Both legs of a transfer as they stand after it. */
public record TransferResult(TransactionId transactionId, PostingResult from, PostingResult to) {
}

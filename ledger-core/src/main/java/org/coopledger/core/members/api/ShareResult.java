package org.coopledger.core.members.api;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

/** What a share purchase or redemption answers: the member's holding after it. */
public record ShareResult(TransactionId transactionId, int sharesHeld, Money shareCapital) {
}

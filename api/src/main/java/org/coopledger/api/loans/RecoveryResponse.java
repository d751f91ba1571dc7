package org.coopledger.api.loans;

import org.joda.money.Money;

/** A recovery on a written-off loan and the total recovered so far. */
public record RecoveryResponse(String transactionId, String loanId, Money amount, Money recovered) {
}

package org.coopledger.api.savings;

import org.joda.money.Money;

/** A hold as placed or released; the account's new available balance is on {@code GET} of the account. */
public record HoldResponse(String accountId, String holdId, Money amount, String status) {
}

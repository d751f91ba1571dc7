package org.coopledger.core.savings.api;

import org.joda.money.Money;

/**
 * Part of a hold freed while the rest stays, e.g. a loan guarantee shrinking as the loan is
 * repaid. {@code amountReleased} is what became available; {@code holdAfter} what stays held.
 */
public record HoldReduced(AccountId accountId, String holdId, Money amountReleased, Money holdAfter,
                          Money totalHeldAfter) {
}

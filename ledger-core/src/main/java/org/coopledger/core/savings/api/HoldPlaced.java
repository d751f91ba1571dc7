package org.coopledger.core.savings.api;

import org.joda.money.Money;

/** {@code totalHeldAfter} lets projections set, not add, so replays stay idempotent. */
public record HoldPlaced(AccountId accountId, String holdId, Money amount, Money totalHeldAfter, String reason) {
}

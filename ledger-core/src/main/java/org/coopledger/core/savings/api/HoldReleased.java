package org.coopledger.core.savings.api;

import org.joda.money.Money;

public record HoldReleased(AccountId accountId, String holdId, Money amount, Money totalHeldAfter) {
}

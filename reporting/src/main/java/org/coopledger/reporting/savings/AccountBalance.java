package org.coopledger.reporting.savings;

import org.coopledger.core.members.api.MemberId;
import org.joda.money.Money;

/** An account's balance at the end of a date, with its owner so a caller can check who may see it. */
public record AccountBalance(MemberId owner, Money balance) {
}

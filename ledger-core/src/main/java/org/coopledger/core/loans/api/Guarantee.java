package org.coopledger.core.loans.api;

import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

/** A member's pledge of part of their savings for another member's loan. */
public record Guarantee(MemberId guarantorId, AccountId savingsAccountId, Money amount) {
}

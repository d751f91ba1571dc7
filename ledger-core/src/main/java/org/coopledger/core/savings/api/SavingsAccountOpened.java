package org.coopledger.core.savings.api;

import org.coopledger.core.members.api.MemberId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Carries the product terms the account keeps for its life (currency via the minimum balance). */
public record SavingsAccountOpened(AccountId accountId,
                                   MemberId memberId,
                                   String productCode,
                                   Money minimumBalance,
                                   LocalDate openedOn) {
}

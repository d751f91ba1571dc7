package org.coopledger.reporting.savings;

import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.time.LocalDate;

/** A savings account as the projection holds it; {@code available} = balance − minimum − held. */
public record SavingsAccountView(AccountId accountId,
                                 MemberId memberId,
                                 String productCode,
                                 String status,
                                 Money balance,
                                 Money held,
                                 Money minimumBalance,
                                 Money available,
                                 LocalDate openedOn,
                                 LocalDate closedOn) {
}

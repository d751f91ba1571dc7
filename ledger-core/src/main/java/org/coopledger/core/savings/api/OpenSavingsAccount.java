package org.coopledger.core.savings.api;

import org.coopledger.core.members.api.MemberId;
import org.joda.money.CurrencyUnit;

import java.time.LocalDate;

/**
 * Opens an account for an active member, either under a product ({@code productCode}) or as a
 * plain voluntary account in {@code currency} with no minimum balance. Exactly one of the two.
 */
public record OpenSavingsAccount(AccountId accountId,
                                 MemberId memberId,
                                 String productCode,
                                 CurrencyUnit currency,
                                 LocalDate openedOn) {
}

package org.coopledger.api.savings;

import org.joda.money.Money;

import java.time.LocalDate;

/** The balance at the end of {@code asOf}. */
public record BalanceResponse(String accountId, LocalDate asOf, Money balance) {
}

package org.coopledger.reporting.journal;

import org.joda.money.Money;

/** Totals of one GL account in one currency; {@code balance} = debits − credits (may be negative). */
public record TrialBalanceLine(String accountCode, String accountName, Money debits, Money credits, Money balance) {
}

package org.coopledger.reporting.portfolio;

import org.joda.money.CurrencyUnit;

/**
 * One line of a portfolio report: always a currency (amounts in different currencies are never
 * added up), and the branch, product, segment and gender when the report is broken down by them
 * (null otherwise). A borrower missing from the member register, or registered without a gender,
 * shows as "UNKNOWN" there.
 */
public record PortfolioKey(CurrencyUnit currency, String branch, String product, String segment, String gender) {
}

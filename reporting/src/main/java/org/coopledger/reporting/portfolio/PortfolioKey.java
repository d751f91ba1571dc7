package org.coopledger.reporting.portfolio;

import org.joda.money.CurrencyUnit;

import java.util.Comparator;

/**
 * One line of a portfolio report: always a currency (amounts in different currencies are never
 * added up), and the branch, product, segment and gender when the report is broken down by them
 * (null otherwise). A borrower missing from the member register, or registered without a gender,
 * shows as "UNKNOWN" there.
 */
public record PortfolioKey(CurrencyUnit currency, String branch, String product, String segment, String gender) {

    private static final Comparator<String> TEXT = Comparator.nullsLast(Comparator.naturalOrder());

    /** The order of a report's lines: currency, then branch, product, segment, gender (absent last). */
    public static final Comparator<PortfolioKey> ORDER = Comparator
            .comparing((PortfolioKey key) -> key.currency().getCode())
            .thenComparing(PortfolioKey::branch, TEXT)
            .thenComparing(PortfolioKey::product, TEXT)
            .thenComparing(PortfolioKey::segment, TEXT)
            .thenComparing(PortfolioKey::gender, TEXT);
}

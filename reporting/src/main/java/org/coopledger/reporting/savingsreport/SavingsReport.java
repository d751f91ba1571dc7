package org.coopledger.reporting.savingsreport;

import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * Savings and share capital at the end of {@code asOf}, computed from the dated history
 * (statement lines, share movements, opening and closing dates), never from today's state.
 * A dimension not in {@code groupBy} is null in every row. Each row is in one currency.
 *
 * @param dormancyMonths   an open account is dormant when its last member-initiated movement
 *                         (deposit, withdrawal, transfer sent) — or its opening, if it has none — is
 *                         on or before {@code dormantOnOrBefore} = asOf − dormancyMonths
 * @param savings          per product/branch/segment as asked, and currency
 * @param shares           share capital per branch/segment as asked, and currency (shares belong to
 *                         no savings product, so PRODUCT does not break them down)
 * @param totals           per currency, over all rows
 */
public record SavingsReport(LocalDate asOf,
                            int dormancyMonths,
                            LocalDate dormantOnOrBefore,
                            List<Dimension> groupBy,
                            List<SavingsRow> savings,
                            List<ShareRow> shares,
                            List<CurrencyTotal> totals) {

    /** Accounts opened on or before asOf: closed by then, or open and active or dormant. */
    public record SavingsRow(String product, String branch, String segment, Money depositsOutstanding,
                             long activeAccounts, long dormantAccounts, long closedAccounts) {
    }

    /** Members holding at least one share at the end of asOf. */
    public record ShareRow(String branch, String segment, Money shareCapital, long shareholders, long shares) {
    }

    public record CurrencyTotal(String currency, Money depositsOutstanding, long activeAccounts,
                                long dormantAccounts, long closedAccounts, Money shareCapital, long shareholders,
                                long shares) {
    }
}

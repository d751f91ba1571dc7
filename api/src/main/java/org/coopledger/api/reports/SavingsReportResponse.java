package org.coopledger.api.reports;

import org.coopledger.reporting.savingsreport.SavingsReport;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * The savings report as of the end of {@code asOf}. Every row is in one currency; totals are per
 * currency. A dimension not asked for in {@code groupBy} is null. An open account is dormant when
 * its last deposit, withdrawal or transfer sent (or its opening, without any) is on or before
 * {@code dormantOnOrBefore}, i.e. no member activity in the {@code dormancyMonths} months up to asOf.
 */
public record SavingsReportResponse(LocalDate asOf, int dormancyMonths, LocalDate dormantOnOrBefore,
                                    List<String> groupBy, List<SavingsRow> savings, List<ShareRow> shares,
                                    List<Total> totals) implements CsvReport {

    public record SavingsRow(String product, String branch, String segment, String currency,
                             Money depositsOutstanding, long activeAccounts, long dormantAccounts,
                             long closedAccounts) {
    }

    public record ShareRow(String branch, String segment, String currency, Money shareCapital, long shareholders,
                           long shares) {
    }

    public record Total(String currency, Money depositsOutstanding, long activeAccounts, long dormantAccounts,
                        long closedAccounts, Money shareCapital, long shareholders, long shares) {
    }

    static SavingsReportResponse of(SavingsReport report) {
        return new SavingsReportResponse(report.asOf(), report.dormancyMonths(), report.dormantOnOrBefore(),
                report.groupBy().stream().map(d -> d.name().toLowerCase()).toList(),
                report.savings().stream().map(r -> new SavingsRow(r.product(), r.branch(), r.segment(),
                        currency(r.depositsOutstanding()), r.depositsOutstanding(), r.activeAccounts(),
                        r.dormantAccounts(), r.closedAccounts())).toList(),
                report.shares().stream().map(r -> new ShareRow(r.branch(), r.segment(), currency(r.shareCapital()),
                        r.shareCapital(), r.shareholders(), r.shares())).toList(),
                report.totals().stream().map(t -> new Total(t.currency(), t.depositsOutstanding(), t.activeAccounts(),
                        t.dormantAccounts(), t.closedAccounts(), t.shareCapital(), t.shareholders(), t.shares()))
                        .toList());
    }

    /**
     * One table: {@code section} says what a row is (SAVINGS, SHARES, TOTAL); cells that do not
     * apply to a section are empty.
     */
    @Override
    public void writeCsv(CsvWriter csv) {
        csv.row("section", "as_of", "product", "branch", "segment", "currency", "deposits_outstanding",
                "active_accounts", "dormant_accounts", "closed_accounts", "share_capital", "shareholders", "shares");
        for (SavingsRow r : savings) {
            csv.row("SAVINGS", asOf, r.product(), r.branch(), r.segment(), r.currency(), r.depositsOutstanding(),
                    r.activeAccounts(), r.dormantAccounts(), r.closedAccounts(), null, null, null);
        }
        for (ShareRow r : shares) {
            csv.row("SHARES", asOf, null, r.branch(), r.segment(), r.currency(), null, null, null, null,
                    r.shareCapital(), r.shareholders(), r.shares());
        }
        for (Total t : totals) {
            csv.row("TOTAL", asOf, null, null, null, t.currency(), t.depositsOutstanding(), t.activeAccounts(),
                    t.dormantAccounts(), t.closedAccounts(), t.shareCapital(), t.shareholders(), t.shares());
        }
    }

    private static String currency(Money money) {
        return money.getCurrencyUnit().getCode();
    }
}

package org.coopledger.api.reports;

import org.coopledger.reporting.journal.TrialBalance;
import org.coopledger.reporting.journal.TrialBalanceLine;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Balances per GL account and currency; {@code netByCurrency} is zero for every currency in a
 * sound ledger and {@code balanced} says so.
 */
public record TrialBalanceResponse(LocalDate asOf, List<Line> lines, Map<String, String> netByCurrency,
                                   boolean balanced) implements CsvReport {

    /** One row per account and currency; the per-currency nets are the sums of the balance column. */
    @Override
    public void writeCsv(CsvWriter csv) {
        csv.row("account_code", "account_name", "currency", "debits", "credits", "balance");
        for (Line line : lines) {
            csv.row(line.accountCode(), line.accountName(), line.currency(), line.debits(), line.credits(),
                    line.balance());
        }
    }

    /** {@code balance} = debits − credits, so credit-normal accounts show negative balances. */
    public record Line(String accountCode, String accountName, String currency, Money debits, Money credits,
                       Money balance) {

        static Line of(TrialBalanceLine line) {
            return new Line(line.accountCode(), line.accountName(), line.balance().getCurrencyUnit().getCode(),
                    line.debits(), line.credits(), line.balance());
        }
    }

    static TrialBalanceResponse of(TrialBalance trialBalance) {
        return new TrialBalanceResponse(trialBalance.asOf(), trialBalance.lines().stream().map(Line::of).toList(),
                trialBalance.netByCurrency(), trialBalance.balanced());
    }
}

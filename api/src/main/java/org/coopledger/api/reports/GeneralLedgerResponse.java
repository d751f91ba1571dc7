package org.coopledger.api.reports;

import org.coopledger.reporting.journal.GeneralLedgerPage;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * One page of the entries of a GL account in one currency over a period. Balances are debits −
 * credits, as in the trial balance (credit-normal accounts such as 2000 show negative balances).
 * Opening and closing balances belong to the period and are the same on every page; {@code next}
 * is the cursor of the following page ({@code ?after=}), null on the last.
 */
public record GeneralLedgerResponse(String accountCode, String accountName, String currency, LocalDate from,
                                    LocalDate to, Money openingBalance, List<Entry> entries, Money closingBalance,
                                    String next) implements CsvReport {

    public record Entry(LocalDate bookingDate, long globalIndex, int lineNo, String transactionId, String eventType,
                        Money debit, Money credit, Money runningBalance) {
    }

    static GeneralLedgerResponse of(GeneralLedgerPage page) {
        return new GeneralLedgerResponse(page.accountCode(), page.accountName(), page.currency(), page.from(),
                page.to(), page.openingBalance(),
                page.entries().stream().map(e -> new Entry(e.bookingDate(), e.globalIndex(), e.lineNo(),
                        e.transactionId().value(), e.eventType(), e.debit(), e.credit(), e.runningBalance())).toList(),
                page.closingBalance(), page.next());
    }

    /**
     * An OPENING row, one ENTRY row per line of the page, a CLOSING row; the cursor of the next
     * page is in the {@code Next-Cursor} header.
     */
    @Override
    public void writeCsv(CsvWriter csv) {
        csv.row("kind", "account_code", "currency", "booking_date", "global_index", "line_no", "transaction_id",
                "event_type", "debit", "credit", "balance");
        csv.row("OPENING", accountCode, currency, from, null, null, null, null, null, null, openingBalance);
        for (Entry e : entries) {
            csv.row("ENTRY", accountCode, currency, e.bookingDate(), e.globalIndex(), e.lineNo(), e.transactionId(),
                    e.eventType(), e.debit(), e.credit(), e.runningBalance());
        }
        csv.row("CLOSING", accountCode, currency, to, null, null, null, null, null, null, closingBalance);
    }
}

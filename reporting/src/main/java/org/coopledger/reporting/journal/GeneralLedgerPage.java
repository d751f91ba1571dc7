package org.coopledger.reporting.journal;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * The entries of one GL account in one currency booked from {@code from} to {@code to}
 * inclusive (either null = open), one page of them. Balances are debits − credits, as in the
 * trial balance. {@code openingBalance} is the balance at the end of the day before {@code from},
 * {@code closingBalance} at the end of {@code to}: both belong to the period, the same on every
 * page; opening + all entries of all pages = closing. {@code next} is the cursor of the following
 * page, null on the last.
 */
public record GeneralLedgerPage(String accountCode, String accountName, String currency, LocalDate from,
                                LocalDate to, Money openingBalance, List<Entry> entries, Money closingBalance,
                                String next) {

    /**
     * One journal line, in posting order (booking date, then position in the event store).
     * Exactly one of {@code debit} and {@code credit} is non-zero.
     *
     * @param runningBalance the account's balance after this line
     */
    public record Entry(LocalDate bookingDate, long globalIndex, int lineNo, TransactionId transactionId,
                        String eventType, Money debit, Money credit, Money runningBalance) {
    }
}

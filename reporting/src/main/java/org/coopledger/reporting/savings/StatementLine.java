package org.coopledger.reporting.savings;

import org.coopledger.core.journal.TransactionId;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One movement on a statement. {@code amount} is positive; {@code direction} says which way
 * (CREDIT raises the balance, DEBIT lowers it); {@code balanceAfter} is the running balance.
 *
 * @param entryNo position of the movement in the account's history (1, 2, ...), the page cursor
 * @param type    DEPOSIT, WITHDRAWAL, TRANSFER_IN, TRANSFER_OUT
 */
public record StatementLine(long entryNo,
                            TransactionId transactionId,
                            String type,
                            String direction,
                            Money amount,
                            Money balanceAfter,
                            LocalDate bookingDate,
                            LocalDate valueDate,
                            String reference,
                            Instant recordedAt) {
}

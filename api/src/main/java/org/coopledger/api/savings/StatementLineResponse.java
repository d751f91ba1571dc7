package org.coopledger.api.savings;

import org.coopledger.reporting.savings.StatementLine;
import org.joda.money.Money;

import java.time.LocalDate;

/** One movement: {@code amount} is positive, {@code direction} CREDIT or DEBIT, {@code balanceAfter} the running balance. */
public record StatementLineResponse(long entryNo,
                                    String transactionId,
                                    String type,
                                    String direction,
                                    Money amount,
                                    Money balanceAfter,
                                    LocalDate bookingDate,
                                    LocalDate valueDate,
                                    String reference) {

    static StatementLineResponse of(StatementLine line) {
        return new StatementLineResponse(line.entryNo(), line.transactionId().value(), line.type(), line.direction(),
                line.amount(), line.balanceAfter(), line.bookingDate(), line.valueDate(), line.reference());
    }
}

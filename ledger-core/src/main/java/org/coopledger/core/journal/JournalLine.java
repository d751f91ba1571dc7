package org.coopledger.core.journal;

import org.joda.money.Money;

import java.util.Objects;

/** One leg of a journal entry: a debit or a credit of a strictly positive amount to a GL account. */
public record JournalLine(GlAccount account, Side side, Money amount) {

    public enum Side { DEBIT, CREDIT }

    public JournalLine {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new UnbalancedEntryException("journal line amounts are strictly positive, got " + amount);
        }
    }

    public static JournalLine debit(GlAccount account, Money amount) {
        return new JournalLine(account, Side.DEBIT, amount);
    }

    public static JournalLine credit(GlAccount account, Money amount) {
        return new JournalLine(account, Side.CREDIT, amount);
    }
}

package org.coopledger.core.journal;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A balanced double-entry journal entry. Balance is checked in the constructor, so an
 * unbalanced entry cannot exist: not when an aggregate applies an event, and not when an
 * event is read back from the store (a tampered event fails to load).
 */
public record JournalEntry(List<JournalLine> lines) {

    public JournalEntry {
        lines = List.copyOf(lines);
        if (lines.size() < 2) {
            throw new UnbalancedEntryException("a journal entry needs at least two lines");
        }
        Map<CurrencyUnit, Money> net = new HashMap<>();
        for (JournalLine line : lines) {
            Money signed = line.side() == JournalLine.Side.DEBIT ? line.amount() : line.amount().negated();
            net.merge(signed.getCurrencyUnit(), signed, Money::plus);
        }
        net.forEach((currency, sum) -> {
            if (!sum.isZero()) {
                throw new UnbalancedEntryException("debits and credits differ by " + sum + " in " + currency);
            }
        });
    }

    public static JournalEntry of(JournalLine... lines) {
        return new JournalEntry(List.of(lines));
    }

    /** The usual two-line entry: debit one account, credit another, same amount. */
    public static JournalEntry transfer(GlAccount debit, GlAccount credit, Money amount) {
        return of(JournalLine.debit(debit, amount), JournalLine.credit(credit, amount));
    }
}

package org.coopledger.reporting.verify;

import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.reporting.Amounts;
import org.coopledger.reporting.journal.TrialBalance;
import org.coopledger.reporting.journal.TrialBalanceLine;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The general ledger recomputed from the journal entries that events carry: debits and credits
 * per GL account and currency (a few dozen totals, whatever the length of the history).
 */
final class GeneralLedger {

    /** Key "code currency", ordered as the projection's trial balance is. */
    private final Map<String, Totals> totals = new TreeMap<>();
    private long entries;

    void post(JournalEntry entry, long index, Differences differences) {
        entries++;
        Map<CurrencyUnit, Money> net = new HashMap<>();
        for (JournalLine line : entry.lines()) {
            Money amount = line.amount();
            CurrencyUnit currency = amount.getCurrencyUnit();
            Totals account = totals.computeIfAbsent(line.account().code() + " " + currency.getCode(),
                    key -> new Totals(line.account(), currency));
            if (line.side() == JournalLine.Side.DEBIT) {
                account.debits = account.debits.plus(amount);
                net.merge(currency, amount, Money::plus);
            } else {
                account.credits = account.credits.plus(amount);
                net.merge(currency, amount.negated(), Money::plus);
            }
        }
        net.forEach((currency, sum) -> {
            if (!sum.isZero()) {
                differences.add("event " + index + ": journal entry unbalanced by " + sum);
            }
        });
    }

    long entries() {
        return entries;
    }

    /** Balance (debits − credits) per "code currency". */
    Map<String, Money> balances() {
        Map<String, Money> balances = new TreeMap<>();
        totals.forEach((key, account) -> balances.put(key, account.debits.minus(account.credits)));
        return balances;
    }

    /** The trial balance in the projection's shape, so that both can be read and compared alike. */
    TrialBalance trialBalance(LocalDate asOf) {
        List<TrialBalanceLine> lines = new ArrayList<>();
        totals.values().forEach(account -> lines.add(new TrialBalanceLine(account.gl.code(), account.gl.title(),
                account.debits, account.credits, account.debits.minus(account.credits))));
        Map<String, String> netByCurrency = netByCurrency();
        boolean balanced = netByCurrency.values().stream().allMatch(net -> new java.math.BigDecimal(net).signum() == 0);
        return new TrialBalance(asOf, List.copyOf(lines), netByCurrency, balanced);
    }

    /** Net of all lines per currency as a plain decimal string: zero in a sound ledger. */
    Map<String, String> netByCurrency() {
        Map<String, Money> net = new TreeMap<>();
        totals.values().forEach(account -> net.merge(account.currency.getCode(),
                account.debits.minus(account.credits), Money::plus));
        Map<String, String> rendered = new TreeMap<>();
        net.forEach((currency, sum) -> rendered.put(currency, Amounts.plain(sum)));
        return Collections.unmodifiableMap(rendered);
    }

    private static final class Totals {
        final GlAccount gl;
        final CurrencyUnit currency;
        Money debits;
        Money credits;

        Totals(GlAccount gl, CurrencyUnit currency) {
            this.gl = gl;
            this.currency = currency;
            this.debits = Money.zero(currency);
            this.credits = Money.zero(currency);
        }
    }
}

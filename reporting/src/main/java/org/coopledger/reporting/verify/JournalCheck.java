package org.coopledger.reporting.verify;

import org.coopledger.core.journal.JournalEvent;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.journal.TrialBalance;
import org.coopledger.reporting.journal.TrialBalanceLine;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal: every entry balanced, the trial balance zero per currency, and the journal
 * projection holding the same totals and the same number of entries as the events up to the
 * replay's head (so an entry a processor skipped shows even if it netted out).
 */
final class JournalCheck implements ReplayCheck {

    private final JournalQueries journal;
    private final GeneralLedger ledger = new GeneralLedger();

    JournalCheck(JournalQueries journal) {
        this.journal = journal;
    }

    @Override
    public void apply(StoredEvent event, Differences differences) {
        if (event.payload() instanceof JournalEvent journalEvent) {
            ledger.post(journalEvent.journal(), event.globalIndex(), differences);
        }
    }

    long entries() {
        return ledger.entries();
    }

    Map<String, String> netByCurrency() {
        return ledger.netByCurrency();
    }

    @Override
    public void afterReplay(Differences differences) {
        ledger.netByCurrency().forEach((currency, net) -> {
            if (new BigDecimal(net).signum() != 0) {
                differences.add("trial balance in " + currency + " is " + net + ", not zero");
            }
        });
    }

    @Override
    public void compare(Scope scope, Findings findings) {
        Map<String, Money> expected = ledger.balances();
        TrialBalance projected = journal.trialBalanceUpTo(scope.head(), scope.skipped());
        Map<String, Money> actual = new TreeMap<>();
        for (TrialBalanceLine line : projected.lines()) {
            actual.put(line.accountCode() + " " + line.balance().getCurrencyUnit().getCode(), line.balance());
        }
        expected.forEach((key, balance) -> {
            Money projectedBalance = actual.get(key);
            if (projectedBalance == null ? !balance.isZero() : !projectedBalance.isEqual(balance)) {
                findings.add(null, "journal projection " + key + ": " + projectedBalance + ", events say " + balance);
            }
        });
        actual.forEach((key, balance) -> {
            if (!expected.containsKey(key) && !balance.isZero()) {
                findings.add(null, "journal projection " + key + " has " + balance + " that no event explains");
            }
        });
        long entries = journal.entriesUpTo(scope.head(), scope.skipped());
        if (entries != ledger.entries()) {
            findings.add(null, "journal projection has " + entries + " entries up to global index " + scope.head()
                    + ", events have " + ledger.entries());
        }
    }
}

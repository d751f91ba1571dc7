package org.coopledger.ops.verify;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.GuaranteeCallDebited;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.LoanProceedsCredited;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.journal.TrialBalance;
import org.coopledger.reporting.journal.TrialBalanceLine;
import org.coopledger.reporting.savings.SavingsAccountView;
import org.coopledger.reporting.savings.SavingsQueries;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Replays the event store on its own and compares the result with the projections: every
 * journal entry balanced, the trial balance zero per currency, every account's balance and
 * holds equal to its projection, every movement present in the account's statement, and
 * {@code balanceAfter} in each event consistent with the movements before it.
 */
public final class Reconciliation {

    private final EventHistory history;
    private final SavingsQueries savings;
    private final JournalQueries journal;
    private final ProjectionCatchUp catchUp;

    public Reconciliation(javax.sql.DataSource dataSource, SavingsQueries savings, JournalQueries journal) {
        this.history = new EventHistory(dataSource);
        this.savings = savings;
        this.journal = journal;
        this.catchUp = new ProjectionCatchUp(dataSource);
    }

    public VerificationReport run() {
        Instant started = Instant.now();
        long head = history.head();
        List<String> differences = new ArrayList<>();
        Map<String, AccountState> accounts = new HashMap<>();
        Map<String, Money> glBalances = new TreeMap<>();
        long[] entries = {0};

        long events = history.forEach(head, event -> {
            Object payload = event.payload();
            if (payload instanceof EventHistory.UnreadableEvent unreadable) {
                differences.add("event " + event.globalIndex() + " (" + unreadable.type() + ") cannot be read: "
                        + unreadable.reason());
                return;
            }
            if (payload instanceof EventHistory.UnknownEventType) {
                differences.add("event " + event.globalIndex() + " has an unknown type " + event.payloadType());
                return;
            }
            if (payload instanceof JournalEvent journalEvent) {
                entries[0]++;
                post(journalEvent.journal(), glBalances, event.globalIndex(), differences);
            }
            apply(payload, accounts, event.globalIndex(), differences);
        });

        Map<String, String> netByCurrency = netByCurrency(glBalances);
        netByCurrency.forEach((currency, net) -> {
            if (new java.math.BigDecimal(net).signum() != 0) {
                differences.add("trial balance in " + currency + " is " + net + ", not zero");
            }
        });
        // A token only moves when its processor handles an event, so a projection may stand
        // before later events that do not concern it; real drift shows in the comparisons below.
        List<String> notes = new ArrayList<>();
        awaitProjections(head).forEach((segment, position) -> notes.add(
                "processor " + segment + " token at " + position + " (head " + head + ")"));
        boolean ledgerMoved = history.head() != head;
        java.util.Set<String> movedOn = ledgerMoved ? history.aggregatesChangedAfter(head) : java.util.Set.of();
        compareAccounts(accounts, movedOn, differences);
        if (!ledgerMoved) {
            compareTrialBalance(glBalances, differences);
        }
        return new VerificationReport(head, events, entries[0], accounts.size(), netByCurrency,
                List.copyOf(differences), List.copyOf(notes), Duration.between(started, Instant.now()));
    }

    private Map<String, Long> awaitProjections(long head) {
        try {
            return catchUp.await(head, Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for projections", e);
        }
    }

    private static void post(JournalEntry entry, Map<String, Money> glBalances, long index, List<String> differences) {
        Map<CurrencyUnit, Money> net = new HashMap<>();
        for (JournalLine line : entry.lines()) {
            Money signed = line.side() == JournalLine.Side.DEBIT ? line.amount() : line.amount().negated();
            net.merge(signed.getCurrencyUnit(), signed, Money::plus);
            glBalances.merge(line.account().code() + " " + signed.getCurrencyUnit().getCode(), signed, Money::plus);
        }
        net.forEach((currency, sum) -> {
            if (!sum.isZero()) {
                differences.add("event " + index + ": journal entry unbalanced by " + sum);
            }
        });
    }

    private static void apply(Object payload, Map<String, AccountState> accounts, long index, List<String> differences) {
        if (payload instanceof SavingsAccountOpened e) {
            accounts.put(e.accountId().value(), new AccountState(e.minimumBalance().getCurrencyUnit()));
        } else if (payload instanceof DepositRecorded e) {
            move(accounts, e.accountId(), e.amount(), e.balanceAfter(), index, differences);
        } else if (payload instanceof WithdrawalRecorded e) {
            move(accounts, e.accountId(), e.amount().negated(), e.balanceAfter(), index, differences);
        } else if (payload instanceof TransferSent e) {
            move(accounts, e.accountId(), e.amount().negated(), e.balanceAfter(), index, differences);
        } else if (payload instanceof TransferReceived e) {
            move(accounts, e.accountId(), e.amount(), e.balanceAfter(), index, differences);
        } else if (payload instanceof LoanProceedsCredited e) {
            move(accounts, e.accountId(), e.amount(), e.balanceAfter(), index, differences);
        } else if (payload instanceof GuaranteeCallDebited e) {
            move(accounts, e.accountId(), e.amount().negated(), e.balanceAfter(), index, differences);
        } else if (payload instanceof HoldReduced e) {
            account(accounts, e.accountId(), index, differences).held = e.totalHeldAfter();
        } else if (payload instanceof HoldPlaced e) {
            account(accounts, e.accountId(), index, differences).held = e.totalHeldAfter();
        } else if (payload instanceof HoldReleased e) {
            account(accounts, e.accountId(), index, differences).held = e.totalHeldAfter();
        } else if (payload instanceof SavingsAccountClosed e) {
            account(accounts, e.accountId(), index, differences).closed = true;
        }
    }

    private static void move(Map<String, AccountState> accounts, AccountId id, Money signedAmount, Money balanceAfter,
                             long index, List<String> differences) {
        AccountState state = account(accounts, id, index, differences);
        state.balance = state.balance.plus(signedAmount);
        state.movements++;
        if (!state.balance.isEqual(balanceAfter)) {
            differences.add("event " + index + ": account " + id + " balanceAfter " + balanceAfter
                    + " but its movements add up to " + state.balance);
            state.balance = balanceAfter;
        }
    }

    private static AccountState account(Map<String, AccountState> accounts, AccountId id, long index,
                                        List<String> differences) {
        AccountState state = accounts.get(id.value());
        if (state == null) {
            differences.add("event " + index + " concerns account " + id + " that was never opened");
            state = new AccountState(CurrencyUnit.USD);
            accounts.put(id.value(), state);
        }
        return state;
    }

    private void compareAccounts(Map<String, AccountState> accounts, java.util.Set<String> movedOn,
                                 List<String> differences) {
        accounts.forEach((id, expected) -> {
            if (movedOn.contains(id)) {
                return;
            }
            AccountId accountId = new AccountId(id);
            SavingsAccountView view = savings.account(accountId).orElse(null);
            if (view == null) {
                differences.add("account " + id + " is missing from the savings projection");
                return;
            }
            if (!view.balance().isEqual(expected.balance)) {
                differences.add("account " + id + ": projection balance " + view.balance() + ", events say " + expected.balance);
            }
            if (!view.held().isEqual(expected.held)) {
                differences.add("account " + id + ": projection holds " + view.held() + ", events say " + expected.held);
            }
            if (expected.closed != "CLOSED".equals(view.status())) {
                differences.add("account " + id + ": projection status " + view.status() + ", events say "
                        + (expected.closed ? "CLOSED" : "OPEN"));
            }
            long lines = countStatementLines(accountId);
            if (lines != expected.movements) {
                differences.add("account " + id + ": statement has " + lines + " lines, events have "
                        + expected.movements + " movements");
            }
        });
    }

    private long countStatementLines(AccountId accountId) {
        long count = 0;
        String cursor = null;
        do {
            var page = savings.statement(accountId, null, null, cursor, 500);
            count += page.lines().size();
            cursor = page.next();
        } while (cursor != null);
        return count;
    }

    private void compareTrialBalance(Map<String, Money> expected, List<String> differences) {
        TrialBalance projected = journal.trialBalance(null);
        Map<String, Money> actual = new TreeMap<>();
        for (TrialBalanceLine line : projected.lines()) {
            actual.put(line.accountCode() + " " + line.balance().getCurrencyUnit().getCode(), line.balance());
        }
        expected.forEach((key, balance) -> {
            Money projectedBalance = actual.get(key);
            if (projectedBalance == null ? !balance.isZero() : !projectedBalance.isEqual(balance)) {
                differences.add("journal projection " + key + ": " + projectedBalance + ", events say " + balance);
            }
        });
        actual.forEach((key, balance) -> {
            if (!expected.containsKey(key) && !balance.isZero()) {
                differences.add("journal projection " + key + " has " + balance + " that no event explains");
            }
        });
    }

    private static Map<String, String> netByCurrency(Map<String, Money> glBalances) {
        Map<String, Money> net = new TreeMap<>();
        glBalances.values().forEach(m -> net.merge(m.getCurrencyUnit().getCode(), m, Money::plus));
        Map<String, String> rendered = new TreeMap<>();
        net.forEach((currency, sum) -> rendered.put(currency, sum.getAmount().toPlainString()));
        return rendered;
    }
}

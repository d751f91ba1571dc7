package org.coopledger.core.journal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PurchaseShares;
import org.coopledger.core.members.api.RedeemShares;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.SharesRedeemed;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.CloseSavingsAccount;
import org.coopledger.core.savings.api.DefineSavingsProduct;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.OpenSavingsAccount;
import org.coopledger.core.savings.api.PlaceHold;
import org.coopledger.core.savings.api.RecordDeposit;
import org.coopledger.core.savings.api.RecordWithdrawal;
import org.coopledger.core.savings.api.ReleaseHold;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferFunds;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.coopledger.core.testsupport.InMemoryLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.USD;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.registerMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever tellers and members do, in whatever order, the ledger stays consistent: random
 * sequences of deposits, withdrawals, holds, transfers, closures and share movements over four
 * accounts (one with a minimum balance, one in another currency) and two members run through
 * the real handlers, and the resulting event history is then checked from scratch. A refusal is
 * a valid outcome; anything but a {@link LedgerException} is a bug, and so is a refusal that
 * left an event behind.
 */
class JournalBalanceProperties {

    private static final MemberId[] MEMBERS = {new MemberId("member-1"), new MemberId("member-2")};
    /** A: JOD; B: JOD with a 5.000 minimum; C: JOD of the other member; D: USD. */
    private static final AccountId[] ACCOUNTS = {new AccountId("account-a"), new AccountId("account-b"),
            new AccountId("account-c"), new AccountId("account-d")};
    private static final CurrencyUnit[] CURRENCIES = {JOD, JOD, JOD, USD};
    private static final Money SHARE_PRICE = jod("5.000");
    /** A property that only ever sees refusals proves nothing: each kind of step must succeed sometimes. */
    private static final List<String> ACCEPTED_AT_LEAST_ONCE = List.of("Deposit", "Withdrawal", "Hold", "Release",
            "Transfer", "Close", "Purchase", "Redemption");

    /** One teller or member action; {@code foreign} sends the amount in the wrong currency. */
    sealed interface Step {
        Object command();
    }

    record Deposit(int account, long minor, boolean foreign) implements Step {
        public Object command() {
            return new RecordDeposit(ACCOUNTS[account], TransactionIdSource.next(), money(account, minor, foreign),
                    TODAY, null, "till-1", null);
        }
    }

    record Withdrawal(int account, long minor, boolean foreign) implements Step {
        public Object command() {
            return new RecordWithdrawal(ACCOUNTS[account], TransactionIdSource.next(), money(account, minor, foreign),
                    TODAY, null, "till-1", null);
        }
    }

    record Hold(int account, int hold, long minor) implements Step {
        public Object command() {
            return new PlaceHold(ACCOUNTS[account], "h-" + hold, money(account, minor, false), null);
        }
    }

    record Release(int account, int hold) implements Step {
        public Object command() {
            return new ReleaseHold(ACCOUNTS[account], "h-" + hold);
        }
    }

    record Transfer(int from, int to, long minor) implements Step {
        public Object command() {
            return new TransferFunds(TransactionIdSource.next(), ACCOUNTS[from], ACCOUNTS[to],
                    money(from, minor, false), TODAY, null);
        }
    }

    record Close(int account) implements Step {
        public Object command() {
            return new CloseSavingsAccount(ACCOUNTS[account], TODAY);
        }
    }

    record Purchase(int member, int shares) implements Step {
        public Object command() {
            return new PurchaseShares(MEMBERS[member], TransactionIdSource.next(), shares, SHARE_PRICE, TODAY, null);
        }
    }

    record Redemption(int member, int shares) implements Step {
        public Object command() {
            return new RedeemShares(MEMBERS[member], TransactionIdSource.next(), shares, SHARE_PRICE, TODAY, null);
        }
    }

    private static Money money(int account, long minor, boolean foreign) {
        CurrencyUnit currency = foreign ? (CURRENCIES[account] == JOD ? USD : JOD) : CURRENCIES[account];
        return Money.ofMinor(currency, minor);
    }

    /** Transaction ids only need to be unique; a counter keeps counterexamples readable. */
    private static final class TransactionIdSource {
        private static long counter;

        static TransactionId next() {
            return new TransactionId("t-" + ++counter);
        }
    }

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS.length - 1);
        Arbitrary<Integer> member = Arbitraries.integers().between(0, MEMBERS.length - 1);
        // Debits smaller than credits, so that balances build up and debits often succeed.
        Arbitrary<Long> credit = Arbitraries.longs().between(1, 20_000);
        Arbitrary<Long> debit = Arbitraries.longs().between(1, 5_000);
        Arbitrary<Boolean> foreign = Arbitraries.integers().between(1, 10).map(n -> n == 1);
        Arbitrary<Integer> hold = Arbitraries.integers().between(1, 3);
        Arbitrary<Integer> shares = Arbitraries.integers().between(1, 20);
        return Arbitraries.frequencyOf(
                Tuple.of(10, Combinators.combine(account, credit, foreign).as(Deposit::new)),
                Tuple.of(6, Combinators.combine(account, debit, foreign).as(Withdrawal::new)),
                Tuple.of(4, Combinators.combine(account, hold, debit).as(Hold::new)),
                Tuple.of(4, Combinators.combine(account, hold).as(Release::new)),
                Tuple.of(8, Combinators.combine(account, account, debit).as(Transfer::new)),
                Tuple.of(1, account.map(Close::new)),
                Tuple.of(3, Combinators.combine(member, shares).as(Purchase::new)),
                Tuple.of(3, Combinators.combine(member, shares).as(Redemption::new))
        ).map(Step.class::cast).list().ofMinSize(10).ofMaxSize(60);
    }

    @Property(tries = 300)
    void anySequenceOfCommandsKeepsJournalBalancedAndBalancesAboveTheirFloors(@ForAll("scenarios") List<Step> steps) {
        Statistics.label("accepted").coverage(coverage -> ACCEPTED_AT_LEAST_ONCE.forEach(
                type -> coverage.check(type).count(times -> times > 0)));
        try (InMemoryLedger ledger = new InMemoryLedger()) {
            openAccounts(ledger);
            Map<CurrencyUnit, Money> cashIn = new HashMap<>();
            for (Step step : steps) {
                int eventsBefore = ledger.events().size();
                try {
                    ledger.send(step.command());
                    Statistics.label("accepted").collect(step.getClass().getSimpleName());
                    if (step instanceof Deposit d) {
                        cashIn.merge(CURRENCIES[d.account()], money(d.account(), d.minor(), false), Money::plus);
                    } else if (step instanceof Withdrawal w) {
                        cashIn.merge(CURRENCIES[w.account()], money(w.account(), w.minor(), false).negated(),
                                Money::plus);
                    }
                } catch (LedgerException refused) {
                    assertEquals(eventsBefore, ledger.events().size(), "refused " + step + " but recorded events");
                }
            }
            LedgerCheck check = new LedgerCheck(ledger.events());
            check.everyJournalEntryBalancesPerCurrency();
            check.balancesFollowFromMovementsAndNoDebitBreaksTheFloor();
            check.savingsEqualDepositsMinusWithdrawals(cashIn);
            check.generalLedgerAgreesWithAccountsAndShares();
        }
    }

    private static void openAccounts(InMemoryLedger ledger) {
        ledger.send(registerMember(MEMBERS[0], null));
        ledger.send(registerMember(MEMBERS[1], null));
        ledger.send(new DefineSavingsProduct("MIN5", "Compulsory savings", jod("5.000")));
        ledger.send(new OpenSavingsAccount(ACCOUNTS[0], MEMBERS[0], null, JOD, TODAY));
        ledger.send(new OpenSavingsAccount(ACCOUNTS[1], MEMBERS[0], "MIN5", null, TODAY));
        ledger.send(new OpenSavingsAccount(ACCOUNTS[2], MEMBERS[1], null, JOD, TODAY));
        ledger.send(new OpenSavingsAccount(ACCOUNTS[3], MEMBERS[1], null, USD, TODAY));
    }

    /** Recomputes everything from the events alone, the way an auditor would. */
    private static final class LedgerCheck {

        private final List<Object> events;
        private final Map<AccountId, Money> balances = new HashMap<>();

        LedgerCheck(List<Object> events) {
            this.events = events;
        }

        void everyJournalEntryBalancesPerCurrency() {
            for (Object event : events) {
                if (event instanceof JournalEvent journal) {
                    Map<CurrencyUnit, Money> net = new HashMap<>();
                    for (JournalLine line : journal.journal().lines()) {
                        net.merge(line.amount().getCurrencyUnit(), signed(line), Money::plus);
                    }
                    net.values().forEach(sum -> assertTrue(sum.isZero(), "unbalanced: " + event));
                }
            }
        }

        void balancesFollowFromMovementsAndNoDebitBreaksTheFloor() {
            Map<AccountId, Money> minimums = new HashMap<>();
            Map<AccountId, Money> held = new HashMap<>();
            for (Object event : events) {
                if (event instanceof SavingsAccountOpened e) {
                    minimums.put(e.accountId(), e.minimumBalance());
                    held.put(e.accountId(), Money.zero(e.minimumBalance().getCurrencyUnit()));
                    balances.put(e.accountId(), Money.zero(e.minimumBalance().getCurrencyUnit()));
                } else if (event instanceof DepositRecorded e) {
                    move(e.accountId(), e.amount(), e.balanceAfter());
                } else if (event instanceof TransferReceived e) {
                    move(e.accountId(), e.amount(), e.balanceAfter());
                } else if (event instanceof WithdrawalRecorded e) {
                    move(e.accountId(), e.amount().negated(), e.balanceAfter());
                    assertAboveFloor(e.accountId(), minimums, held);
                } else if (event instanceof TransferSent e) {
                    move(e.accountId(), e.amount().negated(), e.balanceAfter());
                    assertAboveFloor(e.accountId(), minimums, held);
                } else if (event instanceof HoldPlaced e) {
                    held.merge(e.accountId(), e.amount(), Money::plus);
                    assertEquals(held.get(e.accountId()), e.totalHeldAfter());
                    assertAboveFloor(e.accountId(), minimums, held);
                } else if (event instanceof HoldReleased e) {
                    held.merge(e.accountId(), e.amount().negated(), Money::plus);
                    assertEquals(held.get(e.accountId()), e.totalHeldAfter());
                }
            }
            balances.values().forEach(balance -> assertFalse(balance.isNegative(), "negative balance"));
        }

        void savingsEqualDepositsMinusWithdrawals(Map<CurrencyUnit, Money> cashIn) {
            assertEquals(nonZero(cashIn), nonZero(sumByCurrency(balances)),
                    "savings differ from cash deposited minus withdrawn");
        }

        void generalLedgerAgreesWithAccountsAndShares() {
            Map<GlAccount, Map<CurrencyUnit, Money>> gl = new HashMap<>();
            Map<MemberId, Integer> sharesHeld = new HashMap<>();
            for (Object event : events) {
                if (event instanceof JournalEvent journal) {
                    for (JournalLine line : journal.journal().lines()) {
                        gl.computeIfAbsent(line.account(), a -> new HashMap<>())
                                .merge(line.amount().getCurrencyUnit(), signed(line), Money::plus);
                    }
                }
                if (event instanceof SharesPurchased e) {
                    sharesHeld.merge(e.memberId(), e.shareCount(), Integer::sum);
                    assertEquals(sharesHeld.get(e.memberId()), e.sharesAfter());
                } else if (event instanceof SharesRedeemed e) {
                    sharesHeld.merge(e.memberId(), -e.shareCount(), Integer::sum);
                    assertEquals(sharesHeld.get(e.memberId()), e.sharesAfter());
                }
            }
            sharesHeld.values().forEach(count -> assertTrue(count >= 0, "negative share holding"));
            Map<CurrencyUnit, Money> savings = nonZero(sumByCurrency(balances));
            assertEquals(negate(savings), nonZero(gl.getOrDefault(GlAccount.MEMBER_SAVINGS, Map.of())),
                    "GL 2000 differs from the sum of account balances");
            assertEquals(Map.of(), nonZero(gl.getOrDefault(GlAccount.TRANSFERS_IN_TRANSIT, Map.of())),
                    "GL 2090 does not clear to zero");
            int totalShares = sharesHeld.values().stream().mapToInt(Integer::intValue).sum();
            Map<CurrencyUnit, Money> capital = nonZero(Map.of(JOD, SHARE_PRICE.multipliedBy(totalShares)));
            assertEquals(negate(capital), nonZero(gl.getOrDefault(GlAccount.SHARE_CAPITAL, Map.of())),
                    "GL 3000 differs from shares held at their price");
        }

        private void move(AccountId account, Money signedAmount, Money balanceAfter) {
            Money expected = balances.get(account).plus(signedAmount);
            assertEquals(expected, balanceAfter, "balanceAfter of " + account);
            balances.put(account, balanceAfter);
        }

        private void assertAboveFloor(AccountId account, Map<AccountId, Money> minimums, Map<AccountId, Money> held) {
            Money floor = minimums.get(account).plus(held.get(account));
            assertFalse(balances.get(account).isLessThan(floor), account + " went below its floor");
        }

        /** Debits positive, credits negative, as in a trial balance. */
        private static Money signed(JournalLine line) {
            return line.side() == JournalLine.Side.DEBIT ? line.amount() : line.amount().negated();
        }

        private static Map<CurrencyUnit, Money> sumByCurrency(Map<AccountId, Money> amounts) {
            Map<CurrencyUnit, Money> sums = new HashMap<>();
            amounts.values().forEach(m -> sums.merge(m.getCurrencyUnit(), m, Money::plus));
            return sums;
        }

        private static Map<CurrencyUnit, Money> nonZero(Map<CurrencyUnit, Money> sums) {
            Map<CurrencyUnit, Money> result = new HashMap<>(sums);
            result.values().removeIf(Money::isZero);
            return result;
        }

        private static Map<CurrencyUnit, Money> negate(Map<CurrencyUnit, Money> sums) {
            Map<CurrencyUnit, Money> result = new HashMap<>();
            sums.forEach((currency, sum) -> result.put(currency, sum.negated()));
            return result;
        }
    }
}

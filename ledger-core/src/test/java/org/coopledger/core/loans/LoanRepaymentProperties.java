package org.coopledger.core.loans;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.loans.api.ChargePenalties;
import org.coopledger.core.loans.api.LoanAdvanceApplied;
import org.coopledger.core.loans.api.LoanClosed;
import org.coopledger.core.loans.api.LoanComponent;
import org.coopledger.core.loans.api.LoanDisbursed;
import org.coopledger.core.loans.api.LoanRepaymentRecorded;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.OverpaymentPolicy;
import org.joda.money.Money;

import java.util.ArrayList;
import java.util.List;

import static org.coopledger.core.loans.LoanDesk.DISBURSED_ON;
import static org.coopledger.core.testsupport.Samples.USD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whatever the product and however a member pays, the loan's books stay exact: random products
 * (policy, allocation order, penalties, rate, term) and random sequences of repayments and
 * close-of-business runs on increasing dates go through the real handlers, and the events are then
 * checked from scratch. A refusal is a valid outcome; anything but a {@link LedgerException} is a
 * bug, and so is a refusal that left an event behind.
 */
class LoanRepaymentProperties {

    record Product(OverpaymentPolicy policy, List<LoanComponent> order, String penaltyRate, String annualRate,
                   int installments) {

        LoanTerms terms() {
            return LoanDesk.standardTerms().overpayment(policy).allocation(order.toArray(LoanComponent[]::new))
                    .penalty(penaltyRate, 3).rate(annualRate).build();
        }
    }

    /** {@code days} after the previous step; a repayment of {@code minor} cents, or a close of business. */
    record Step(int days, long minor, boolean repayment) {
    }

    @Provide
    Arbitrary<Product> products() {
        return Combinators.combine(Arbitraries.of(OverpaymentPolicy.class),
                Arbitraries.of(LoanComponent.class).list().uniqueElements().ofSize(4),
                Arbitraries.of("0", "0.01", "0.05"),
                Arbitraries.of("0", "0.12", "0.36"),
                Arbitraries.integers().between(2, 12)).as(Product::new);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Integer> days = Arbitraries.integers().between(0, 40);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Combinators.combine(days, Arbitraries.longs().between(1, 60_000)).as(
                        (d, m) -> new Step(d, m, true))),
                Tuple.of(1, days.map(d -> new Step(d, 0, false)))
        ).list().ofMinSize(1).ofMaxSize(30);
    }

    @Property(tries = 200)
    void principalRepaidNeverExceedsDisbursedAndEveryPaymentIsAccountedFor(@ForAll("products") Product product,
                                                                          @ForAll("steps") List<Step> steps) {
        try (LoanDesk desk = new LoanDesk()) {
            desk.product(product.terms()).ledger.send(desk.application(Money.of(USD, 1000), product.installments(),
                    List.of()));
            desk.approved().disbursed();
            Money accepted = Money.zero(USD);
            var date = DISBURSED_ON;
            for (Step step : steps) {
                date = date.plusDays(step.days());
                int before = desk.mark();
                try {
                    if (step.repayment()) {
                        Money amount = Money.ofMinor(USD, step.minor());
                        desk.repay(amount, date);
                        accepted = accepted.plus(amount);
                        Statistics.collect("repayment accepted");
                    } else {
                        desk.ledger.send(new ChargePenalties(LoanDesk.LOAN, date));
                    }
                } catch (LedgerException refused) {
                    assertEquals(before, desk.mark(), "refused " + step + " but recorded events");
                    Statistics.collect("refused " + refused.code());
                }
            }
            check(desk.ledger.events(), accepted);
        }
    }

    private static void check(List<Object> events, Money accepted) {
        Money disbursed = Money.zero(USD);
        Money principalRepaid = Money.zero(USD);
        Money allocated = Money.zero(USD);
        Money advance = Money.zero(USD);
        Money advancesInGl = Money.zero(USD);
        boolean closed = false;
        List<Object> afterClosure = new ArrayList<>();
        for (Object event : events) {
            if (closed) {
                afterClosure.add(event);
            }
            if (event instanceof JournalEvent journal) {
                Money net = Money.zero(USD);
                for (JournalLine line : journal.journal().lines()) {
                    Money signed = line.side() == JournalLine.Side.DEBIT ? line.amount() : line.amount().negated();
                    net = net.plus(signed);
                    if (line.account() == GlAccount.LOAN_ADVANCES) {
                        advancesInGl = advancesInGl.minus(signed);
                    }
                }
                assertTrue(net.isZero(), "unbalanced: " + event);
            }
            if (event instanceof LoanDisbursed e) {
                disbursed = disbursed.plus(e.principal());
            } else if (event instanceof LoanRepaymentRecorded e) {
                principalRepaid = principalRepaid.plus(e.allocated().principal());
                allocated = allocated.plus(e.allocated().total());
                advance = advance.plus(e.advanceHeld());
                assertEquals(advance, e.advanceAfter());
            } else if (event instanceof LoanAdvanceApplied e) {
                principalRepaid = principalRepaid.plus(e.allocated().principal());
                allocated = allocated.plus(e.allocated().total());
                advance = advance.minus(e.allocated().total());
                assertEquals(advance, e.advanceAfter());
            } else if (event instanceof LoanClosed) {
                closed = true;
            }
            assertFalse(principalRepaid.isGreaterThan(disbursed), "more principal repaid than disbursed");
        }
        assertEquals(accepted, allocated.plus(advance), "payments differ from allocations plus the advance held");
        assertEquals(advance, advancesInGl, "GL 2200 differs from the advance the loan holds");
        assertFalse(advance.isNegative());
        if (closed) {
            assertEquals(disbursed, principalRepaid, "a closed loan must have repaid all its principal");
            assertEquals(List.of(), afterClosure, "a closed loan moved again");
        }
    }
}

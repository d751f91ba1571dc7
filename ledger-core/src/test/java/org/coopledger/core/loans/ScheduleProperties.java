package org.coopledger.core.loans;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.InterestMethod;
import org.coopledger.core.loans.api.RepaymentFrequency;
import org.coopledger.core.loans.api.Schedule;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever the terms, a schedule repays exactly the principal, in the currency's unit, in date order. */
class ScheduleProperties {

    private static final List<CurrencyUnit> CURRENCIES = List.of(CurrencyUnit.of("USD"), CurrencyUnit.of("JOD"),
            CurrencyUnit.of("UGX"));

    record Case(CurrencyUnit currency, long principalMinor, int installments, int grace, String rate,
                RepaymentFrequency frequency, Amortization amortization, InterestMethod method, LocalDate disbursedOn) {
    }

    record Method(Amortization amortization, InterestMethod interest) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Integer> installments = Arbitraries.integers().between(1, 120);
        Arbitrary<Method> methods = Combinators.combine(Arbitraries.of(Amortization.class),
                Arbitraries.of(InterestMethod.class)).as(Method::new);
        return Combinators.combine(
                Arbitraries.of(CURRENCIES),
                Arbitraries.longs().between(1, 10_000_000_000L),
                installments,
                Arbitraries.integers().between(0, 6),
                Arbitraries.of("0", "0.005", "0.12", "0.18", "0.365", "0.99"),
                Arbitraries.of(RepaymentFrequency.class),
                methods,
                Arbitraries.integers().between(0, 3000).map(d -> LocalDate.of(2024, 1, 1).plusDays(d))
        ).as((c, p, n, g, r, f, m, d) -> new Case(c, p, n, Math.min(g, n - 1), r, f, m.amortization(), m.interest(),
                d));
    }

    @Property(tries = 1000)
    void principalsAddUpExactlyNoComponentIsNegativeAndDueDatesIncrease(@ForAll("cases") Case c) {
        Money principal = Money.ofMinor(c.currency(), c.principalMinor());
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(c.currency()).rate(c.rate())
                        .frequency(c.frequency()).amortization(c.amortization()).interest(c.method()).grace(c.grace())
                        .build(),
                principal, c.installments(), c.disbursedOn(), null);

        assertEquals(c.installments(), schedule.installments().size());
        assertEquals(principal, schedule.principal());
        LocalDate previous = c.disbursedOn();
        for (Installment installment : schedule.installments()) {
            assertFalse(installment.principal().isNegative(), "negative principal in " + installment);
            assertFalse(installment.interest().isNegative(), "negative interest in " + installment);
            assertEquals(c.currency().getDecimalPlaces(), installment.total().getAmount().scale());
            assertTrue(installment.dueDate().isAfter(previous), "due dates must strictly increase");
            previous = installment.dueDate();
        }
    }
}

package org.coopledger.core.loans;

import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.FeeCharging;
import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.InterestMethod;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.RepaymentFrequency;
import org.coopledger.core.loans.api.Schedule;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.USD;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Expected figures were computed outside this code (Python {@code decimal}, 50 digits, HALF_EVEN
 * to the currency unit at each step as the method prescribes) and pasted as literals.
 */
class ScheduleCalculatorTest {

    private static final CurrencyUnit UGX = CurrencyUnit.of("UGX");
    private static final LocalDate JAN_31 = LocalDate.of(2026, 1, 31);

    private static Money ugx(long amount) {
        return Money.ofMajor(UGX, amount);
    }

    /** {@code [principal, interest]} per installment. */
    private static void assertSplits(Schedule schedule, String[][] expected, CurrencyUnit currency) {
        assertEquals(expected.length, schedule.installments().size());
        for (int i = 0; i < expected.length; i++) {
            Installment installment = schedule.installments().get(i);
            assertEquals(Money.of(currency, new BigDecimal(expected[i][0])), installment.principal(),
                    "principal of installment " + (i + 1));
            assertEquals(Money.of(currency, new BigDecimal(expected[i][1])), installment.interest(),
                    "interest of installment " + (i + 1));
        }
    }

    @Test
    void annuityOfTenThousandAtTwelvePercentOverTwelveMonthsIsTheTextbookExample() {
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(USD).build(), usd("10000.00"), 12,
                JAN_31, null);

        assertSplits(schedule, new String[][]{
                {"788.49", "100.00"}, {"796.37", "92.12"}, {"804.34", "84.15"}, {"812.38", "76.11"},
                {"820.51", "67.98"}, {"828.71", "59.78"}, {"837.00", "51.49"}, {"845.37", "43.12"},
                {"853.82", "34.67"}, {"862.36", "26.13"}, {"870.98", "17.51"}, {"879.67", "8.80"}}, USD);
        for (int i = 0; i < 11; i++) {
            assertEquals(usd("888.49"), schedule.installments().get(i).total());
        }
        assertEquals(usd("888.47"), schedule.installments().get(11).total());
        assertEquals(usd("10000.00"), schedule.principal());
        assertEquals(usd("661.86"), schedule.interest());
    }

    @Test
    void monthlyDueDatesCountFromTheDisbursementSoMonthEndsStayMonthEnds() {
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(USD).build(), usd("10000.00"), 4,
                JAN_31, null);

        assertEquals(List.of(LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31), LocalDate.of(2026, 4, 30),
                        LocalDate.of(2026, 5, 31)),
                schedule.installments().stream().map(Installment::dueDate).toList());
    }

    @Test
    void aGivenFirstRepaymentDateStartsTheDueDates() {
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(USD).build(), usd("1000.00"), 3,
                LocalDate.of(2026, 1, 10), LocalDate.of(2026, 2, 25));

        assertEquals(List.of(LocalDate.of(2026, 2, 25), LocalDate.of(2026, 3, 25), LocalDate.of(2026, 4, 25)),
                schedule.installments().stream().map(Installment::dueDate).toList());
    }

    @Test
    void threeDecimalCurrencyIsScheduledInFils() {
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(JOD).rate("0.15").build(),
                jod("2500.000"), 6, JAN_31, null);

        assertSplits(schedule, new String[][]{
                {"403.835", "31.250"}, {"408.883", "26.202"}, {"413.994", "21.091"},
                {"419.169", "15.916"}, {"424.409", "10.676"}, {"429.710", "5.371"}}, JOD);
        assertEquals(jod("435.085"), schedule.installments().get(0).total());
        assertEquals(jod("435.081"), schedule.installments().get(5).total());
    }

    @Test
    void zeroDecimalCurrencyWeeklyScheduleHasWholeShillingsAndWeeklyDates() {
        Schedule schedule = ScheduleCalculator.calculate(
                TermsBuilder.in(UGX).rate("0.24").frequency(RepaymentFrequency.WEEKLY).build(),
                ugx(1_000_000), 10, LocalDate.of(2026, 3, 2), null);

        assertSplits(schedule, new String[][]{
                {"97941", "4615"}, {"98393", "4163"}, {"98847", "3709"}, {"99303", "3253"}, {"99761", "2795"},
                {"100222", "2334"}, {"100684", "1872"}, {"101149", "1407"}, {"101616", "940"},
                {"102084", "471"}}, UGX);
        assertEquals(ugx(102_556), schedule.installments().get(0).total());
        assertEquals(ugx(102_555), schedule.installments().get(9).total());
        assertEquals(LocalDate.of(2026, 3, 9), schedule.installments().get(0).dueDate());
        assertEquals(LocalDate.of(2026, 5, 11), schedule.installments().get(9).dueDate());
    }

    @Test
    void flatInterestIsChargedOnTheOriginalPrincipalForTheWholeTermAndSpreadEvenly() {
        // 1,000.00 × 18 % × 7/12 = 105.00 interest; 1,000.00 / 7 = 142.857… → 142.86, the last 142.84.
        Schedule schedule = ScheduleCalculator.calculate(
                TermsBuilder.in(USD).rate("0.18").interest(InterestMethod.FLAT).build(), usd("1000.00"), 7,
                JAN_31, null);

        assertSplits(schedule, new String[][]{
                {"142.86", "15.00"}, {"142.86", "15.00"}, {"142.86", "15.00"}, {"142.86", "15.00"},
                {"142.86", "15.00"}, {"142.86", "15.00"}, {"142.84", "15.00"}}, USD);
        assertEquals(usd("105.00"), schedule.interest());
    }

    @Test
    void equalPrincipalChargesInterestOnTheFallingBalance() {
        Schedule schedule = ScheduleCalculator.calculate(
                TermsBuilder.in(USD).rate("0.10").amortization(Amortization.EQUAL_PRINCIPAL).build(),
                usd("1000.00"), 3, JAN_31, null);

        assertSplits(schedule, new String[][]{{"333.33", "8.33"}, {"333.33", "5.56"}, {"333.34", "2.78"}}, USD);
    }

    @Test
    void principalGraceMakesTheFirstInstallmentsInterestOnlyAndAmortizesOverTheRest() {
        // The annuity runs over the 4 installments after the grace: 6,000.00 at 1 % a month → 1,537.69.
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(USD).grace(2).build(), usd("6000.00"), 6,
                JAN_31, null);

        assertSplits(schedule, new String[][]{{"0.00", "60.00"}, {"0.00", "60.00"}, {"1477.69", "60.00"},
                {"1492.47", "45.22"}, {"1507.39", "30.30"}, {"1522.45", "15.22"}}, USD);
        assertEquals(usd("1537.69"), schedule.installments().get(3).total());
    }

    @Test
    void zeroRateSplitsThePrincipalWithoutInterest() {
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(USD).rate("0").build(), usd("100.00"), 3,
                JAN_31, null);

        assertSplits(schedule, new String[][]{{"33.33", "0.00"}, {"33.33", "0.00"}, {"33.34", "0.00"}}, USD);
    }

    @Test
    void feesAreAddedToEveryInstallmentOrDeductedAtDisbursement() {
        Schedule schedule = ScheduleCalculator.calculate(TermsBuilder.in(USD)
                        .fee(new LoanFee("processing", null, new BigDecimal("0.015"), FeeCharging.AT_DISBURSEMENT))
                        .fee(new LoanFee("insurance", usd("2.50"), null, FeeCharging.AT_DISBURSEMENT))
                        .fee(new LoanFee("service", null, new BigDecimal("0.001"), FeeCharging.PER_INSTALLMENT))
                        .build(),
                usd("1234.00"), 2, JAN_31, null);

        // 1.5 % of 1,234.00 = 18.51, plus 2.50; 0.1 % of 1,234.00 = 1.234 → 1.23 per installment.
        assertEquals(usd("21.01"), schedule.disbursementFees());
        assertEquals(usd("1.23"), schedule.installments().get(0).fee());
        assertEquals(usd("1.23"), schedule.installments().get(1).fee());
    }

    @Test
    void aFirstRepaymentNotAfterTheDisbursementIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ScheduleCalculator.calculate(
                TermsBuilder.in(USD).build(), usd("100.00"), 3, JAN_31, JAN_31));
    }
}

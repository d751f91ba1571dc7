package org.coopledger.reporting.portfolio;

import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.reporting.ReportingDatabase;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report computes the portfolio as of X backwards from today's state; this test holds it to
 * the literal definition ({@link PortfolioDefinition}: everything booked on or before X) on a
 * random portfolio of 60 loans (fixed seed), every fourth day over two years, with every grouping:
 * payments on time, late, partial and never; penalties charged and paid; write-offs, recoveries
 * and closures.
 */
class PortfolioAsOfTest {

    private static final long SEED = 20261129L;
    private static final LocalDate START = LocalDate.of(2025, 1, 1);
    private static final CurrencyUnit USD = CurrencyUnit.USD;
    private static final CurrencyUnit JOD = CurrencyUnit.of("JOD");
    private static final List<Set<PortfolioDimension>> GROUPINGS = List.of(Set.of(),
            EnumSet.of(PortfolioDimension.BRANCH, PortfolioDimension.PRODUCT),
            EnumSet.of(PortfolioDimension.SEGMENT, PortfolioDimension.GENDER),
            EnumSet.allOf(PortfolioDimension.class));

    private static ReportingDatabase db;
    private static JdbcPortfolioQueries queries;
    private static PortfolioDefinition definition;
    private static LocalDate lastBooking = START;

    @BeforeAll
    static void buildRandomPortfolio() {
        db = ReportingDatabase.start();
        queries = new JdbcPortfolioQueries(db.jdbc(), db.transactions());
        definition = new PortfolioDefinition(new NamedParameterJdbcTemplate(db.jdbc()));
        String[] branches = {"AMMAN", "IRBID"};
        String[] segments = {"REFUGEE", "MIGRANT_WORKER", "HOST_COMMUNITY"};
        String[] genders = {"FEMALE", "MALE"};
        for (int m = 0; m < 6; m++) {
            PortfolioBook.member(db, "m" + m, branches[m % 2], segments[m % 3], genders[(m / 2) % 2]);
        }
        Random random = new Random(SEED);
        PortfolioBook book = new PortfolioBook();
        for (int i = 0; i < 60; i++) {
            randomLoan(book, random, "R" + i);
        }
        book.deliverTo(db);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void theSnapshotOfAnyDayEqualsTheDefinitionComputedFromTheBookingsUpToThatDay() {
        List<PortfolioSnapshot> seen = new ArrayList<>();
        int day = 0;
        for (LocalDate date = START.minusDays(1); !date.isAfter(lastBooking.plusDays(40)); date = date.plusDays(4)) {
            Set<PortfolioDimension> groupBy = GROUPINGS.get(day++ % GROUPINGS.size());
            List<PortfolioSnapshot> expected = definition.snapshot(date, groupBy);
            assertThat(queries.snapshot(date, groupBy)).as("snapshot as of %s by %s", date, groupBy)
                    .isEqualTo(expected);
            seen.addAll(expected);
        }
        // The comparison covered the cases that can differ: arrears beyond 90 days, penalties owed,
        // loans written off and closed (they leave the portfolio on their date).
        assertThat(seen).anySatisfy(line -> assertThat(line.par90().loans()).isPositive());
        assertThat(seen).anySatisfy(line -> assertThat(line.overdue().penalty().isPositive()).isTrue());
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM loan_projection WHERE status = 'WRITTEN_OFF'",
                Integer.class)).isPositive();
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM loan_projection WHERE status = 'CLOSED'",
                Integer.class)).isPositive();
    }

    @Test
    void theGlpAtBothEndsOfAPeriodIsTheSnapshotsGlpAtEachEnd() {
        int day = 0;
        for (LocalDate end = START.minusDays(1); !end.isAfter(lastBooking.plusDays(40)); end = end.plusDays(7)) {
            Set<PortfolioDimension> groupBy = GROUPINGS.get(day++ % GROUPINGS.size());
            LocalDate start = end.minusDays(day % 2 == 0 ? 31 : 92);
            JdbcPortfolioQueries.Period period = queries.period(start.plusDays(1), end, groupBy);
            assertThat(period.opening()).as("GLP as of %s by %s", start, groupBy).isEqualTo(glp(start, groupBy));
            assertThat(period.closing()).as("GLP as of %s by %s", end, groupBy).isEqualTo(glp(end, groupBy));
        }
    }

    private static Map<PortfolioKey, Money> glp(LocalDate asOf, Set<PortfolioDimension> groupBy) {
        Map<PortfolioKey, Money> lines = new TreeMap<>(PortfolioKey.ORDER);
        definition.snapshot(asOf, groupBy).forEach(line -> lines.put(line.key(), line.grossLoanPortfolio()));
        return lines;
    }

    /**
     * One loan of 2 to 10 monthly installments: each installment paid on its due date, late (maybe
     * after a penalty), in two parts, or, from a random installment on, never; a loan that stops
     * paying is written off months later and may recover something; a loan paid in full is closed.
     */
    private static void randomLoan(PortfolioBook book, Random random, String id) {
        CurrencyUnit currency = random.nextInt(4) == 0 ? JOD : USD;
        LocalDate disbursed = START.plusDays(random.nextInt(400));
        int count = 2 + random.nextInt(9);
        Money principal = Money.of(currency, 50 + random.nextInt(450));
        Money interest = Money.of(currency, random.nextBoolean() ? random.nextInt(20) : 0);
        Money zero = Money.zero(currency);
        String product = random.nextBoolean() ? "BUSINESS" : "EMERGENCY";
        book.loan(id, "m" + random.nextInt(6), product, disbursed, count, principal, interest);
        int stopsAt = random.nextInt(4) == 0 ? 1 + random.nextInt(count) : count + 1;
        List<Step> steps = new ArrayList<>();
        for (int k = 1; k < Math.min(stopsAt, count + 1); k++) {
            LocalDate due = disbursed.plusMonths(k);
            int number = k;
            int kind = random.nextInt(10);
            if (kind < 6) {
                steps.add(new Step(due, () -> book.pay(id, due, List.of(paid(number, zero, interest, principal)))));
            } else if (kind < 8) {
                LocalDate late = due.plusDays(1 + random.nextInt(60));
                Money penalty = late.isAfter(due.plusDays(10)) && random.nextBoolean()
                        ? Money.of(currency, 1 + random.nextInt(5)) : zero;
                if (penalty.isPositive()) {
                    steps.add(new Step(due.plusDays(10), () -> book.charge(id, due.plusDays(10), number, penalty)));
                }
                steps.add(new Step(late, () -> book.pay(id, late, List.of(paid(number, penalty, interest, principal)))));
            } else {
                Money half = principal.dividedBy(2, RoundingMode.DOWN);
                LocalDate rest = due.plusDays(1 + random.nextInt(90));
                steps.add(new Step(due, () -> book.pay(id, due, List.of(paid(number, zero, interest, half)))));
                steps.add(new Step(rest, () -> book.pay(id, rest, List.of(paid(number, zero, zero, principal.minus(half))))));
            }
        }
        steps.sort(Comparator.comparing(Step::date));
        steps.forEach(step -> step.action().run());
        LocalDate lastPaid = steps.isEmpty() ? disbursed : steps.get(steps.size() - 1).date();
        if (stopsAt > count) {
            book.close(id, lastPaid);
            note(lastPaid);
            return;
        }
        LocalDate missed = disbursed.plusMonths(stopsAt);
        book.charge(id, missed.plusDays(30), stopsAt, Money.of(currency, 3));
        note(missed.plusDays(30));
        if (random.nextBoolean()) {
            LocalDate writtenOff = (lastPaid.isAfter(missed) ? lastPaid : missed).plusDays(90 + random.nextInt(110));
            book.writeOff(id, writtenOff);
            note(writtenOff);
            if (random.nextBoolean()) {
                LocalDate recovered = writtenOff.plusDays(10 + random.nextInt(50));
                book.recover(id, recovered, Money.of(currency, 10));
                note(recovered);
            }
        }
        note(lastPaid);
    }

    private static InstallmentAllocation paid(int installment, Money penalty, Money interest, Money principal) {
        return new InstallmentAllocation(installment,
                new LoanComponents(penalty, Money.zero(penalty.getCurrencyUnit()), interest, principal));
    }

    private static void note(LocalDate booked) {
        if (booked.isAfter(lastBooking)) {
            lastBooking = booked;
        }
    }

    private record Step(LocalDate date, Runnable action) {
    }
}

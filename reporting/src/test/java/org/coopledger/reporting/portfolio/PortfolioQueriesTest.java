package org.coopledger.reporting.portfolio;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.loans.LoanEvents;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coopledger.reporting.portfolio.AgingBucket.CURRENT;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_1_30;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_31_60;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_61_90;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_91_180;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_OVER_180;
import static org.coopledger.reporting.portfolio.PortfolioDimension.BRANCH;
import static org.coopledger.reporting.portfolio.PortfolioDimension.CURRENCY;
import static org.coopledger.reporting.portfolio.PortfolioDimension.GENDER;
import static org.coopledger.reporting.portfolio.PortfolioDimension.PRODUCT;
import static org.coopledger.reporting.portfolio.PortfolioDimension.SEGMENT;

/**
 * Ten loans with chosen balances and days past due, in two currencies, two branches, two products
 * and three segments. Every expected figure is worked out by hand in the comments.
 * <p>
 * Monthly installments of principal only (L06 also 5.00 interest each), repaid on their due dates
 * unless said otherwise. D1 = 30 Jun 2026, D2 = 31 Jul 2026.
 * <pre>
 * Members m1 and m4 are FEMALE, m2 and m3 MALE.
 * loan member branch segment        product   ccy  schedule                          at D1 (30 Jun)          at D2 (31 Jul)
 * L01  m1     AMMAN  REFUGEE        BUSINESS  USD  10 x 100 from 1 Feb, paid 1..6    500, DPD 0              400, DPD 0
 * L02  m1     AMMAN  REFUGEE        BUSINESS  USD  6 x 100 from 15 Feb, paid 1..2    400, DPD 76, over 300   400, DPD 107, over 400
 * L03  m2     AMMAN  MIGRANT_WORKER EMERGENCY USD  4 x 100 from 10 May, paid 1,      300, DPD 20, over 100   100, DPD 0 (cured)
 *                                                  then 2+3 on 15 Jul
 * L04  m2     AMMAN  MIGRANT_WORKER BUSINESS  USD  12 x 100 from 1 Jul 2025, paid    900, DPD 272, over 900  written off 10 Jul (900),
 *                                                  1..3                                                      50 recovered 25 Jul
 * L05  m3     IRBID  REFUGEE        BUSINESS  USD  5 x 100 from 5 Jun, nothing paid  500, DPD 25, over 100   500, DPD 56, over 200
 * L06  m3     IRBID  REFUGEE        EMERGENCY USD  2 x (100 + 5) from 1 Jul, only    200, DPD 0              200, DPD 30, over 100
 *                                                  the 5 interest paid on 1 Jul
 * L07  m4     IRBID  HOST_COMMUNITY BUSINESS  JOD  4 x 250 from 1 Mar, paid 1        750, DPD 90, over 750   750, DPD 121, over 750
 * L08  m4     IRBID  HOST_COMMUNITY EMERGENCY JOD  3 x 100 from 20 Jul, paid 1       300, DPD 0              200, DPD 0
 * L09  m1     AMMAN  REFUGEE        BUSINESS  USD  2 x 100 from 1 Mar, paid, closed  closed                  closed
 *                                                  1 Apr
 * L10  m2     AMMAN  MIGRANT_WORKER EMERGENCY USD  3 x 100 from 5 Aug, disbursed     not yet disbursed       300, DPD 0
 *                                                  5 Jul
 * </pre>
 */
class PortfolioQueriesTest {

    private static final CurrencyUnit USD = CurrencyUnit.USD;
    private static final CurrencyUnit JOD = CurrencyUnit.of("JOD");
    private static final LocalDate D1 = LocalDate.of(2026, 6, 30);
    private static final LocalDate D2 = LocalDate.of(2026, 7, 31);

    private static ReportingDatabase db;
    private static JdbcPortfolioQueries queries;

    @BeforeAll
    static void buildPortfolio() {
        db = ReportingDatabase.start();
        queries = new JdbcPortfolioQueries(db.jdbc(), db.transactions());
        member("m1", "AMMAN", "REFUGEE", "FEMALE");
        member("m2", "AMMAN", "MIGRANT_WORKER", "MALE");
        member("m3", "IRBID", "REFUGEE", "MALE");
        member("m4", "IRBID", "HOST_COMMUNITY", "FEMALE");

        PortfolioBook book = new PortfolioBook();
        book.loan("L01", "m1", "BUSINESS", USD, "2026-01-01", 10, "100.00", "0.00");
        for (int i = 1; i <= 6; i++) {
            book.pay("L01", i, "0.00", "100.00");
        }
        book.loan("L02", "m1", "BUSINESS", USD, "2026-01-15", 6, "100.00", "0.00");
        book.pay("L02", 1, "0.00", "100.00");
        book.pay("L02", 2, "0.00", "100.00");
        book.loan("L03", "m2", "EMERGENCY", USD, "2026-04-10", 4, "100.00", "0.00");
        book.pay("L03", 1, "0.00", "100.00");
        book.pay("L03", "2026-07-15", LoanEvents.paid(2, usd("0.00", "0.00", "0.00", "100.00")),
                LoanEvents.paid(3, usd("0.00", "0.00", "0.00", "100.00")));
        book.loan("L04", "m2", "BUSINESS", USD, "2025-06-01", 12, "100.00", "0.00");
        book.pay("L04", "2025-07-01", LoanEvents.paid(1, usd("0.00", "0.00", "0.00", "100.00")));
        book.pay("L04", "2025-08-01", LoanEvents.paid(2, usd("0.00", "0.00", "0.00", "100.00")));
        book.pay("L04", "2025-09-01", LoanEvents.paid(3, usd("0.00", "0.00", "0.00", "100.00")));
        book.writeOff("L04", "2026-07-10");
        book.recover("L04", "2026-07-25", "50.00");
        book.loan("L05", "m3", "BUSINESS", USD, "2026-05-05", 5, "100.00", "0.00");
        book.loan("L06", "m3", "EMERGENCY", USD, "2026-06-01", 2, "100.00", "5.00");
        book.pay("L06", 1, "5.00", "0.00");
        book.loan("L07", "m4", "BUSINESS", JOD, "2026-02-01", 4, "250.000", "0.000");
        book.pay("L07", 1, "0.000", "250.000");
        book.loan("L08", "m4", "EMERGENCY", JOD, "2026-06-20", 3, "100.000", "0.000");
        book.pay("L08", "2026-07-20", LoanEvents.paid(1, jod("0.000", "0.000", "0.000", "100.000")));
        book.loan("L09", "m1", "BUSINESS", USD, "2026-02-01", 2, "100.00", "0.00");
        book.pay("L09", 1, "0.00", "100.00");
        book.pay("L09", 2, "0.00", "100.00");
        book.close("L09", "2026-04-01");
        book.loan("L10", "m2", "EMERGENCY", USD, "2026-07-05", 3, "100.00", "0.00");
        book.deliverTo(db);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void beforeTheCureEachCurrencyHasItsOwnGlpParArrearsAndAging() {
        List<PortfolioSnapshot> lines = queries.snapshot(D1, Set.of());

        assertThat(lines).extracting(PortfolioSnapshot::key)
                .containsExactly(new PortfolioKey(JOD, null, null, null, null), new PortfolioKey(USD, null, null, null, null));
        // JOD: L07 750 (DPD 90, all 750 overdue), L08 300 (DPD 0). GLP 1,050.
        PortfolioSnapshot jod = lines.get(0);
        assertThat(jod.asOf()).isEqualTo(D1);
        assertThat(jod.activeLoans()).isEqualTo(2);
        assertThat(jod.grossLoanPortfolio()).isEqualTo(jod("1050.000"));
        assertThat(jod.par1()).isEqualTo(new LoanTally(1, jod("750.000"), ratio("0.714286")));
        assertThat(jod.par30()).isEqualTo(new LoanTally(1, jod("750.000"), ratio("0.714286")));
        assertThat(jod.par90()).as("DPD 90 is not more than 90").isEqualTo(new LoanTally(0, jod("0.000"), ratio("0")));
        assertThat(jod.arrears()).isEqualTo(jod("750.000"));
        assertThat(jod.aging()).containsEntry(CURRENT, new LoanTally(1, jod("300.000"), ratio("0.285714")))
                .containsEntry(DPD_61_90, new LoanTally(1, jod("750.000"), ratio("0.714286")));
        // USD: L01 500 (0), L02 400 (76), L03 300 (20), L04 900 (272), L05 500 (25), L06 200 (0). GLP 2,800.
        PortfolioSnapshot usd = lines.get(1);
        assertThat(usd.activeLoans()).as("L09 closed, L10 not yet disbursed").isEqualTo(6);
        assertThat(usd.grossLoanPortfolio()).isEqualTo(usd("2800.00"));
        // PAR1: L02 + L03 + L04 + L05 = 2,100 = 75 %; PAR30: L02 + L04 = 1,300; PAR90: L04 = 900.
        assertThat(usd.par1()).isEqualTo(new LoanTally(4, usd("2100.00"), ratio("0.75")));
        assertThat(usd.par30()).isEqualTo(new LoanTally(2, usd("1300.00"), ratio("0.464286")));
        assertThat(usd.par90()).isEqualTo(new LoanTally(1, usd("900.00"), ratio("0.321429")));
        // Arrears: L02 300 + L03 100 + L04 900 + L05 100 = 1,400 = 50 % of GLP (PAR1 is 75 %).
        assertThat(usd.arrears()).isEqualTo(usd("1400.00"));
        assertThat(usd.arrearsRate()).isEqualByComparingTo("0.5");
        assertThat(usd.overdue()).isEqualTo(usd("0.00", "0.00", "0.00", "1400.00"));
        assertThat(usd.aging()).containsOnly(
                Map.entry(CURRENT, new LoanTally(2, usd("700.00"), ratio("0.25"))),
                Map.entry(DPD_1_30, new LoanTally(2, usd("800.00"), ratio("0.285714"))),
                Map.entry(DPD_31_60, new LoanTally(0, usd("0.00"), ratio("0"))),
                Map.entry(DPD_61_90, new LoanTally(1, usd("400.00"), ratio("0.142857"))),
                Map.entry(DPD_91_180, new LoanTally(0, usd("0.00"), ratio("0"))),
                Map.entry(DPD_OVER_180, new LoanTally(1, usd("900.00"), ratio("0.321429"))));
    }

    @Test
    void afterTheCureTheWriteOffAndANewDisbursementThePortfolioHasMoved() {
        List<PortfolioSnapshot> lines = queries.snapshot(D2, Set.of(CURRENCY));

        // JOD: L07 750 (DPD 121), L08 200 (0). GLP 950; PAR1 = PAR30 = PAR90 = 750.
        PortfolioSnapshot jod = lines.get(0);
        assertThat(jod.key()).isEqualTo(new PortfolioKey(JOD, null, null, null, null));
        assertThat(jod.grossLoanPortfolio()).isEqualTo(jod("950.000"));
        assertThat(jod.par90()).isEqualTo(new LoanTally(1, jod("750.000"), ratio("0.789474")));
        assertThat(jod.aging().get(DPD_91_180)).isEqualTo(new LoanTally(1, jod("750.000"), ratio("0.789474")));
        // USD: L01 400 (0), L02 400 (107), L03 100 (0, cured), L05 500 (56), L06 200 (30), L10 300 (0).
        // L04 written off. GLP 1,900.
        PortfolioSnapshot usd = lines.get(1);
        assertThat(usd.activeLoans()).isEqualTo(6);
        assertThat(usd.grossLoanPortfolio()).isEqualTo(usd("1900.00"));
        // PAR1: L02 + L05 + L06 = 1,100; PAR30: L02 + L05 = 900 (DPD 30 is not more than 30); PAR90: L02.
        assertThat(usd.par1()).isEqualTo(new LoanTally(3, usd("1100.00"), ratio("0.578947")));
        assertThat(usd.par30()).isEqualTo(new LoanTally(2, usd("900.00"), ratio("0.473684")));
        assertThat(usd.par90()).isEqualTo(new LoanTally(1, usd("400.00"), ratio("0.210526")));
        // Arrears: L02 400 + L05 200 + L06 100 = 700; L06's overdue interest was paid.
        assertThat(usd.arrears()).isEqualTo(usd("700.00"));
        assertThat(usd.arrearsRate()).isEqualByComparingTo("0.368421");
        assertThat(usd.overdue()).isEqualTo(usd("0.00", "0.00", "0.00", "700.00"));
        assertThat(usd.aging()).containsOnly(
                Map.entry(CURRENT, new LoanTally(3, usd("800.00"), ratio("0.421053"))),
                Map.entry(DPD_1_30, new LoanTally(1, usd("200.00"), ratio("0.105263"))),
                Map.entry(DPD_31_60, new LoanTally(1, usd("500.00"), ratio("0.263158"))),
                Map.entry(DPD_61_90, new LoanTally(0, usd("0.00"), ratio("0"))),
                Map.entry(DPD_91_180, new LoanTally(1, usd("400.00"), ratio("0.210526"))),
                Map.entry(DPD_OVER_180, new LoanTally(0, usd("0.00"), ratio("0"))));
    }

    @Test
    void theRepaymentThatCuresALoanTakesItOutOfParOnItsBookingDate() {
        // EMERGENCY USD on 14 Jul: L03 300 (DPD 34), L06 200 (DPD 13), L10 300 (DPD 0); GLP 800.
        // On 15 Jul L03 pays installments 2 and 3: 100 left, DPD 0; GLP 600.
        PortfolioSnapshot before = line(queries.snapshot(LocalDate.of(2026, 7, 14), Set.of(PRODUCT)),
                new PortfolioKey(USD, null, "EMERGENCY", null, null));
        PortfolioSnapshot after = line(queries.snapshot(LocalDate.of(2026, 7, 15), Set.of(PRODUCT)),
                new PortfolioKey(USD, null, "EMERGENCY", null, null));

        assertThat(before.grossLoanPortfolio()).isEqualTo(usd("800.00"));
        assertThat(before.par30()).isEqualTo(new LoanTally(1, usd("300.00"), ratio("0.375")));
        assertThat(before.par1()).isEqualTo(new LoanTally(2, usd("500.00"), ratio("0.625")));
        assertThat(after.grossLoanPortfolio()).isEqualTo(usd("600.00"));
        assertThat(after.par30()).isEqualTo(new LoanTally(0, usd("0.00"), ratio("0")));
        assertThat(after.par1()).isEqualTo(new LoanTally(1, usd("200.00"), ratio("0.333333")));
    }

    @Test
    void byBranchEachBranchAndCurrencyIsItsOwnLine() {
        List<PortfolioSnapshot> d1 = queries.snapshot(D1, Set.of(BRANCH));
        List<PortfolioSnapshot> d2 = queries.snapshot(D2, Set.of(BRANCH));

        PortfolioKey amman = new PortfolioKey(USD, "AMMAN", null, null, null);
        PortfolioKey irbidUsd = new PortfolioKey(USD, "IRBID", null, null, null);
        PortfolioKey irbidJod = new PortfolioKey(JOD, "IRBID", null, null, null);
        assertThat(d1).extracting(PortfolioSnapshot::key).containsExactly(irbidJod, amman, irbidUsd);
        // D1 AMMAN: L01 500, L02 400, L03 300, L04 900 = 2,100; PAR30 L02 + L04 = 1,300.
        assertThat(line(d1, amman).grossLoanPortfolio()).isEqualTo(usd("2100.00"));
        assertThat(line(d1, amman).activeLoans()).isEqualTo(4);
        assertThat(line(d1, amman).par30()).isEqualTo(new LoanTally(2, usd("1300.00"), ratio("0.619048")));
        assertThat(line(d1, amman).aging().get(DPD_OVER_180)).isEqualTo(new LoanTally(1, usd("900.00"), ratio("0.428571")));
        // D1 IRBID USD: L05 500 (DPD 25), L06 200; no PAR30, PAR1 500.
        assertThat(line(d1, irbidUsd).grossLoanPortfolio()).isEqualTo(usd("700.00"));
        assertThat(line(d1, irbidUsd).par30()).isEqualTo(new LoanTally(0, usd("0.00"), ratio("0")));
        assertThat(line(d1, irbidUsd).par1()).isEqualTo(new LoanTally(1, usd("500.00"), ratio("0.714286")));
        assertThat(line(d1, irbidJod).grossLoanPortfolio()).isEqualTo(jod("1050.000"));
        // D2 AMMAN: L01 400, L02 400, L03 100, L10 300 = 1,200; PAR30 L02 = 400.
        assertThat(line(d2, amman).grossLoanPortfolio()).isEqualTo(usd("1200.00"));
        assertThat(line(d2, amman).par30()).isEqualTo(new LoanTally(1, usd("400.00"), ratio("0.333333")));
        // D2 IRBID USD: L05 500 (DPD 56), L06 200 (DPD 30); PAR30 = L05.
        assertThat(line(d2, irbidUsd).par30()).isEqualTo(new LoanTally(1, usd("500.00"), ratio("0.714286")));
        assertThat(line(d2, irbidUsd).aging().get(DPD_1_30)).isEqualTo(new LoanTally(1, usd("200.00"), ratio("0.285714")));
        assertThat(line(d2, irbidJod).par30()).isEqualTo(new LoanTally(1, jod("750.000"), ratio("0.789474")));
    }

    @Test
    void byProductAndBySegment() {
        List<PortfolioSnapshot> byProduct = queries.snapshot(D1, Set.of(PRODUCT));
        List<PortfolioSnapshot> bySegment = queries.snapshot(D2, Set.of(SEGMENT));

        // D1 BUSINESS USD: L01 500, L02 400, L04 900, L05 500 = 2,300; PAR30 1,300. EMERGENCY USD: L03 300, L06 200.
        assertThat(line(byProduct, new PortfolioKey(USD, null, "BUSINESS", null, null)).par30())
                .isEqualTo(new LoanTally(2, usd("1300.00"), ratio("0.565217")));
        assertThat(line(byProduct, new PortfolioKey(USD, null, "EMERGENCY", null, null)).grossLoanPortfolio())
                .isEqualTo(usd("500.00"));
        assertThat(line(byProduct, new PortfolioKey(JOD, null, "BUSINESS", null, null)).par30())
                .isEqualTo(new LoanTally(1, jod("750.000"), ratio("1")));
        assertThat(line(byProduct, new PortfolioKey(JOD, null, "EMERGENCY", null, null)).grossLoanPortfolio())
                .isEqualTo(jod("300.000"));
        // D2 REFUGEE USD (m1, m3): L01 400, L02 400, L05 500, L06 200 = 1,500; PAR30 L02 + L05 = 900 = 60 %.
        assertThat(bySegment).extracting(PortfolioSnapshot::key).containsExactly(
                new PortfolioKey(JOD, null, null, "HOST_COMMUNITY", null),
                new PortfolioKey(USD, null, null, "MIGRANT_WORKER", null),
                new PortfolioKey(USD, null, null, "REFUGEE", null));
        assertThat(bySegment.get(2).grossLoanPortfolio()).isEqualTo(usd("1500.00"));
        assertThat(bySegment.get(2).par30()).isEqualTo(new LoanTally(2, usd("900.00"), ratio("0.6")));
        // D2 MIGRANT_WORKER USD (m2): L03 100, L10 300.
        assertThat(bySegment.get(1).grossLoanPortfolio()).isEqualTo(usd("400.00"));
        assertThat(bySegment.get(1).activeLoans()).isEqualTo(2);
    }

    @Test
    void byGenderTheBorrowersGenderFromTheMemberRegisterSplitsEachCurrency() {
        List<PortfolioSnapshot> lines = queries.snapshot(D1, Set.of(GENDER));

        PortfolioKey jodWomen = new PortfolioKey(JOD, null, null, null, "FEMALE");
        PortfolioKey usdWomen = new PortfolioKey(USD, null, null, null, "FEMALE");
        PortfolioKey usdMen = new PortfolioKey(USD, null, null, null, "MALE");
        assertThat(lines).extracting(PortfolioSnapshot::key).containsExactly(jodWomen, usdWomen, usdMen);
        // D1 FEMALE USD (m1): L01 500 (DPD 0), L02 400 (DPD 76) = 900; PAR30 = PAR1 = L02.
        assertThat(line(lines, usdWomen).activeLoans()).isEqualTo(2);
        assertThat(line(lines, usdWomen).grossLoanPortfolio()).isEqualTo(usd("900.00"));
        assertThat(line(lines, usdWomen).par30()).isEqualTo(new LoanTally(1, usd("400.00"), ratio("0.444444")));
        // D1 MALE USD (m2, m3): L03 300 (20), L04 900 (272), L05 500 (25), L06 200 (0) = 1,900;
        // PAR1 L03 + L04 + L05 = 1,700; PAR30 L04 = 900.
        assertThat(line(lines, usdMen).activeLoans()).isEqualTo(4);
        assertThat(line(lines, usdMen).grossLoanPortfolio()).isEqualTo(usd("1900.00"));
        assertThat(line(lines, usdMen).par1()).isEqualTo(new LoanTally(3, usd("1700.00"), ratio("0.894737")));
        assertThat(line(lines, usdMen).par30()).isEqualTo(new LoanTally(1, usd("900.00"), ratio("0.473684")));
        assertThat(line(lines, jodWomen).grossLoanPortfolio()).isEqualTo(jod("1050.000"));

        // July, MALE USD: L10 300 out (m2), L04 900 written off and 50 recovered; L03 200 principal and
        // L06 5 interest repaid. GLP at D2: L03 100, L05 500, L06 200, L10 300 = 1,100; average
        // (1,900 + 1,100) / 2 = 1,500, so the write-off ratio is 900 / 1,500.
        PortfolioFlows men = queries.flows(LocalDate.of(2026, 7, 1), D2, Set.of(GENDER)).stream()
                .filter(flow -> flow.key().equals(usdMen)).findFirst().orElseThrow();
        assertThat(men.disbursed()).isEqualTo(usd("300.00"));
        assertThat(men.repaid()).isEqualTo(usd("0.00", "0.00", "5.00", "200.00"));
        assertThat(men.writtenOff()).isEqualTo(usd("900.00"));
        assertThat(men.recovered()).isEqualTo(usd("50.00"));
        assertThat(men.averageGlp()).isEqualTo(usd("1500.00"));
        assertThat(men.writeOffRatio()).isEqualTo(ratio("0.6"));
    }

    @Test
    void julyFlowsPerCurrencyWithTheWriteOffRatioOnTheAverageOfTheTwoEnds() {
        List<PortfolioFlows> flows = queries.flows(LocalDate.of(2026, 7, 1), D2, Set.of());

        // JOD: L08 paid 100 on 20 Jul; average GLP (1,050 + 950) / 2 = 1,000.
        PortfolioFlows jod = flows.get(0);
        assertThat(jod.key()).isEqualTo(new PortfolioKey(JOD, null, null, null, null));
        assertThat(jod.loansDisbursed()).isZero();
        assertThat(jod.disbursed()).isEqualTo(jod("0.000"));
        assertThat(jod.repaid()).isEqualTo(jod("0.000", "0.000", "0.000", "100.000"));
        assertThat(jod.writtenOff()).isEqualTo(jod("0.000"));
        assertThat(jod.averageGlp()).isEqualTo(jod("1000.000"));
        assertThat(jod.writeOffRatio()).isEqualByComparingTo("0");
        // USD: L10 disbursed 300; repaid L01 100 + L03 200 principal, L06 5 interest; L04 900 written off,
        // 50 recovered; average GLP (2,800 + 1,900) / 2 = 2,350; ratio 900 / 2,350.
        PortfolioFlows usd = flows.get(1);
        assertThat(usd.from()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(usd.to()).isEqualTo(D2);
        assertThat(usd.loansDisbursed()).isEqualTo(1);
        assertThat(usd.disbursed()).isEqualTo(usd("300.00"));
        assertThat(usd.repaid()).isEqualTo(usd("0.00", "0.00", "5.00", "300.00"));
        assertThat(usd.writtenOff()).isEqualTo(usd("900.00"));
        assertThat(usd.recovered()).isEqualTo(usd("50.00"));
        assertThat(usd.averageGlp()).isEqualTo(usd("2350.00"));
        assertThat(usd.writeOffRatio()).isEqualTo(ratio("0.382979"));
    }

    @Test
    void julyFlowsByBranch() {
        List<PortfolioFlows> flows = queries.flows(LocalDate.of(2026, 7, 1), D2, Set.of(BRANCH));

        assertThat(flows).extracting(PortfolioFlows::key).containsExactly(
                new PortfolioKey(JOD, "IRBID", null, null, null),
                new PortfolioKey(USD, "AMMAN", null, null, null),
                new PortfolioKey(USD, "IRBID", null, null, null));
        // AMMAN USD: L10 300 out; L01 100 + L03 200 in; L04 900 off, 50 back; average (2,100 + 1,200) / 2 = 1,650.
        PortfolioFlows amman = flows.get(1);
        assertThat(amman.disbursed()).isEqualTo(usd("300.00"));
        assertThat(amman.repaid()).isEqualTo(usd("0.00", "0.00", "0.00", "300.00"));
        assertThat(amman.writtenOff()).isEqualTo(usd("900.00"));
        assertThat(amman.recovered()).isEqualTo(usd("50.00"));
        assertThat(amman.averageGlp()).isEqualTo(usd("1650.00"));
        assertThat(amman.writeOffRatio()).isEqualTo(ratio("0.545455"));
        // IRBID USD: L06 paid 5 interest; average (700 + 700) / 2.
        PortfolioFlows irbid = flows.get(2);
        assertThat(irbid.repaid()).isEqualTo(usd("0.00", "0.00", "5.00", "0.00"));
        assertThat(irbid.averageGlp()).isEqualTo(usd("700.00"));
        assertThat(irbid.writeOffRatio()).isEqualTo(ratio("0"));
    }

    @Test
    void beforeTheFirstDisbursementThereIsNoPortfolio() {
        assertThat(queries.snapshot(LocalDate.of(2025, 5, 31), Set.of(BRANCH, PRODUCT, SEGMENT, GENDER))).isEmpty();
        assertThat(queries.flows(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 5, 31), Set.of())).isEmpty();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> queries.flows(D2, D1, Set.of()))
                .isInstanceOfSatisfying(LedgerException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
    }

    private static PortfolioSnapshot line(List<PortfolioSnapshot> lines, PortfolioKey key) {
        return lines.stream().filter(line -> line.key().equals(key)).findFirst().orElseThrow();
    }

    private static BigDecimal ratio(String value) {
        return new BigDecimal(value).setScale(JdbcPortfolioQueries.RATIO_SCALE);
    }

    private static Money usd(String amount) {
        return LoanEvents.money(USD, amount);
    }

    private static Money jod(String amount) {
        return LoanEvents.money(JOD, amount);
    }

    private static LoanComponents usd(String penalty, String fee, String interest, String principal) {
        return LoanEvents.parts(USD, penalty, fee, interest, principal);
    }

    private static LoanComponents jod(String penalty, String fee, String interest, String principal) {
        return LoanEvents.parts(JOD, penalty, fee, interest, principal);
    }

    private static void member(String memberId, String branch, String segment, String gender) {
        PortfolioBook.member(db, memberId, branch, segment, gender);
    }
}

package org.coopledger.reporting.portfolio;

import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.loans.LoanEvents;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.reporting.portfolio.AgingBucket.CURRENT;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_1_30;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_31_60;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_61_90;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_91_180;
import static org.coopledger.reporting.portfolio.AgingBucket.DPD_OVER_180;

/**
 * One loan at each edge of a band, PAR threshold or aging bucket: a single unpaid installment of
 * 1,000 + DPD, due DPD days before {@link #AS_OF}, so that every sum names the loans in it.
 */
class PortfolioBandBoundaryTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 15);
    private static final int[] DPDS = {0, 1, 2, 30, 31, 60, 61, 90, 91, 180, 181};
    private static final CurrencyUnit USD = CurrencyUnit.USD;

    private static ReportingDatabase db;
    private static PortfolioSnapshot line;

    @BeforeAll
    static void oneLoanAtEachEdge() {
        db = ReportingDatabase.start();
        PortfolioBook.member(db, "m1", "AMMAN", "REFUGEE", "FEMALE");
        PortfolioBook book = new PortfolioBook();
        for (int dpd : DPDS) {
            LocalDate due = AS_OF.minusDays(dpd);
            LocalDate disbursed = due.minusMonths(1);
            assertThat(disbursed.plusMonths(1)).as("installment 1 of the loan with DPD %d", dpd).isEqualTo(due);
            book.loan("D" + dpd, "m1", "BUSINESS", disbursed, 1, usd(1000 + dpd), usd(0));
        }
        book.deliverTo(db);
        List<PortfolioSnapshot> lines = new JdbcPortfolioQueries(db.jdbc(), db.transactions()).snapshot(AS_OF, Set.of());
        assertThat(lines).hasSize(1);
        line = lines.get(0);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @Test
    void eachLoanLandsInTheAgingBucketOfItsDpdBoundsIncluded() {
        assertThat(line.activeLoans()).isEqualTo(DPDS.length);
        assertThat(line.aging().get(CURRENT)).isEqualTo(tally(0));
        assertThat(line.aging().get(DPD_1_30)).isEqualTo(tally(1, 2, 30));
        assertThat(line.aging().get(DPD_31_60)).isEqualTo(tally(31, 60));
        assertThat(line.aging().get(DPD_61_90)).isEqualTo(tally(61, 90));
        assertThat(line.aging().get(DPD_91_180)).isEqualTo(tally(91, 180));
        assertThat(line.aging().get(DPD_OVER_180)).isEqualTo(tally(181));
    }

    @Test
    void parCountsOnlyTheLoansMoreThanItsThresholdPastDue() {
        assertThat(line.par1()).as("DPD 1 is not more than 1").isEqualTo(tally(2, 30, 31, 60, 61, 90, 91, 180, 181));
        assertThat(line.par30()).as("DPD 30 is not more than 30").isEqualTo(tally(31, 60, 61, 90, 91, 180, 181));
        assertThat(line.par90()).as("DPD 90 is not more than 90").isEqualTo(tally(91, 180, 181));
    }

    @Test
    void theBandedSnapshotEqualsTheDefinitionsFilteredSums() {
        PortfolioDefinition definition = new PortfolioDefinition(new NamedParameterJdbcTemplate(db.jdbc()));
        assertThat(definition.snapshot(AS_OF, Set.of())).containsExactly(line);
    }

    /** The loans of these DPDs, their principal and its share of the GLP. */
    private static LoanTally tally(int... dpds) {
        Money principal = usd(0);
        for (int dpd : dpds) {
            principal = principal.plus(usd(1000 + dpd));
        }
        return new LoanTally(dpds.length, principal, JdbcPortfolioQueries.ratio(principal, glp()));
    }

    private static Money glp() {
        Money glp = usd(0);
        for (int dpd : DPDS) {
            glp = glp.plus(usd(1000 + dpd));
        }
        return glp;
    }

    private static Money usd(int amount) {
        return LoanEvents.money(USD, new BigDecimal(amount).setScale(2).toPlainString());
    }
}

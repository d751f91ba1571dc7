package org.coopledger.reporting.portfolio;

import org.coopledger.core.loans.api.LoanComponents;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * The portfolio of one line as the history stood at the end of {@code asOf}.
 *
 * @param activeLoans        loans disbursed on or before {@code asOf} and neither closed nor written
 *                           off by then
 * @param grossLoanPortfolio GLP: their outstanding principal, before allowances
 * @param par1               portfolio at risk: the <em>whole</em> outstanding principal of the loans
 *                           more than 1 day past due (DPD &gt; 1), and its share of GLP
 * @param par30              the same for DPD &gt; 30
 * @param par90              the same for DPD &gt; 90
 * @param arrears            principal of installments due before {@code asOf} and not paid by then:
 *                           the overdue amounts only, not the whole loan
 * @param arrearsRate        arrears / GLP (six decimals; null when GLP is zero). This is what some
 *                           systems call "portfolio at risk"; it is not PAR.
 * @param overdue            everything overdue by component (principal as in {@code arrears}, and
 *                           the interest, fees and penalties of those installments)
 * @param aging              every bucket, with the loans whose DPD falls in it
 */
public record PortfolioSnapshot(PortfolioKey key,
                                LocalDate asOf,
                                int activeLoans,
                                Money grossLoanPortfolio,
                                LoanTally par1,
                                LoanTally par30,
                                LoanTally par90,
                                Money arrears,
                                BigDecimal arrearsRate,
                                LoanComponents overdue,
                                Map<AgingBucket, LoanTally> aging) {

    public PortfolioSnapshot {
        aging = Map.copyOf(aging);
    }
}

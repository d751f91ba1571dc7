package org.coopledger.reporting.portfolio;

import org.coopledger.core.loans.api.LoanComponents;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What moved through the portfolio of one line between {@code from} and {@code to}, both
 * inclusive, by booking date.
 *
 * @param loansDisbursed     loans paid out in the period
 * @param disbursed          principal paid out (before fees deducted)
 * @param repaid             what repayments, applied advances and called guarantees paid, by
 *                           component; money held as an advance counts when it is applied
 * @param writtenOff         principal written off
 * @param recovered          collected on loans written off (any period's)
 * @param averageGlp         (GLP at the end of {@code from − 1} + GLP at the end of {@code to}) / 2,
 *                           rounded half-even to the currency's scale
 * @param writeOffRatio      writtenOff / average GLP, from the unrounded average (six decimals,
 *                           half-even; null when the average is zero)
 */
public record PortfolioFlows(PortfolioKey key,
                             LocalDate from,
                             LocalDate to,
                             int loansDisbursed,
                             Money disbursed,
                             LoanComponents repaid,
                             Money writtenOff,
                             Money recovered,
                             Money averageGlp,
                             BigDecimal writeOffRatio) {
}

package org.coopledger.reporting.portfolio;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Portfolio indicators from the loan projection ({@code loans} processing group), computed as of
 * any date from the movements booked on or before it, never from today's balances: a report for
 * 30 June gives the same figures whenever it is run (once the projection has caught up), except
 * for movements booked later with an earlier booking date.
 * <p>
 * Days past due as of X are counted as the loan aggregate counts them: from the due date of the
 * oldest installment whose principal, interest or fee was not fully paid by X (penalties aside);
 * money held as an advance counts once applied. Lines are per currency and ordered by currency,
 * branch, product, segment, gender. Restructured loans do not exist in the ledger yet; when they do, they
 * must count as at risk whatever their DPD.
 */
public interface PortfolioQueries {

    /** One line per currency (and group) that had at least one active loan at the end of {@code asOf}. */
    List<PortfolioSnapshot> snapshot(LocalDate asOf, Set<PortfolioDimension> groupBy);

    /**
     * One line per currency (and group) with a movement in the period or a portfolio at either end of it.
     * The write-off ratio divides by the average GLP, defined as the mean of the GLP at the end of the
     * day before {@code from} and the GLP at the end of {@code to}: two points, so that the ratio of a
     * period can be recomputed from two snapshots.
     */
    List<PortfolioFlows> flows(LocalDate from, LocalDate to, Set<PortfolioDimension> groupBy);
}

package org.coopledger.reporting.portfolio;

/**
 * What a portfolio report can be broken down by. Branch, segment and gender are the borrower's,
 * from the member register (kept in clear there for this purpose); product is the loan product's code. Results are always per currency, so
 * {@link #CURRENCY} adds no split of its own: it is accepted so that callers can name it.
 */
public enum PortfolioDimension {
    BRANCH,
    PRODUCT,
    CURRENCY,
    SEGMENT,
    GENDER
}

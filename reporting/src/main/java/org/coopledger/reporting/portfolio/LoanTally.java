package org.coopledger.reporting.portfolio;

import org.joda.money.Money;

import java.math.BigDecimal;

/**
 * A number of loans and their outstanding principal, with that principal's share of the gross loan
 * portfolio of the same line ({@code ratio}, six decimals, half-even; null when the portfolio is zero).
 */
public record LoanTally(int loans, Money outstandingPrincipal, BigDecimal ratio) {
}

package org.coopledger.core.loans.api;

import org.joda.money.Money;

import java.math.BigDecimal;

/**
 * A fee of a loan product: either a fixed {@code amount} or a {@code rateOfPrincipal} (0.01 = 1 %
 * of the principal), exactly one of the two; charged at disbursement or with every installment.
 */
public record LoanFee(String name, Money amount, BigDecimal rateOfPrincipal, FeeCharging charging) {
}

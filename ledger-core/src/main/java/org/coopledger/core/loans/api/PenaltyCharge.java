package org.coopledger.core.loans.api;

import org.joda.money.Money;

/**
 * A penalty on one overdue installment. {@code periodsChargedAfter} counts every period charged on
 * it so far, which is what makes charging idempotent: a period is charged once, whatever the date.
 */
public record PenaltyCharge(int installment, int periodsCharged, int periodsChargedAfter, Money amount) {
}

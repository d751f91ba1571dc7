package org.coopledger.core.loans.api;

import org.joda.money.Money;

/** What the close-of-business step answers: penalties charged now and days past due after it. */
public record PenaltyResult(Money charged, int daysPastDue, boolean closed) {
}

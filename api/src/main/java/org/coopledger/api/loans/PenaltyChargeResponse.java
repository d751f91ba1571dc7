package org.coopledger.api.loans;

import org.joda.money.Money;

import java.time.LocalDate;

/** Penalties charged now (zero when nothing new is due) and days past due after the charge. */
public record PenaltyChargeResponse(String loanId, LocalDate asOf, Money charged, int daysPastDue, String status) {
}

package org.coopledger.core.loans.api;

import java.time.LocalDate;

/**
 * The close-of-business step for one loan on a business date: applies any advance to what has
 * fallen due, then charges penalties on overdue installments. Idempotent per date: re-running it
 * (or running it for an earlier date) charges nothing more.
 */
public record ChargePenalties(LoanId loanId, LocalDate asOf) {
}

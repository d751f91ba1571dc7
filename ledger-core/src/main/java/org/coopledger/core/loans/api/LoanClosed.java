package org.coopledger.core.loans.api;

import java.time.LocalDate;

/** Everything the schedule asked for is paid and no advance is left. */
public record LoanClosed(LoanId loanId, LocalDate closedOn) {
}

package org.coopledger.core.loans.api;

import java.time.LocalDate;

public record LoanRejected(LoanId loanId, String rejectedBy, LocalDate rejectedOn, String reason) {
}

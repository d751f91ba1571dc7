package org.coopledger.core.loans.api;

import java.time.LocalDate;

public record LoanApplicationWithdrawn(LoanId loanId, LocalDate withdrawnOn, String reason) {
}

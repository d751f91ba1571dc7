package org.coopledger.api.loans;

import java.time.LocalDate;

/** The answer to a step of the lifecycle that moves no money: the loan's status after it, and on which business date. */
public record LoanStatusResponse(String loanId, String status, LocalDate on) {
}

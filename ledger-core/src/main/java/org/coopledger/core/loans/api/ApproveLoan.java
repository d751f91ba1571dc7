package org.coopledger.core.loans.api;

import org.coopledger.core.savings.api.AccountId;

import java.time.LocalDate;

/**
 * The checker approves; never the user who submitted. {@code compulsorySavingsAccountId} names the
 * borrower's account whose balance must cover the product's compulsory savings share (may be
 * null when the product requires none).
 */
public record ApproveLoan(LoanId loanId, String approvedBy, LocalDate approvedOn,
                          AccountId compulsorySavingsAccountId) {
}

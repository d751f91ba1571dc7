package org.coopledger.api.loans;

import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * Body of a disbursement: in cash at the till {@code tillId}, or, when {@code savingsAccountId} is
 * given, into that savings account of the borrower (never both). {@code firstRepaymentOn} moves
 * the first due date; by default it is one period after today.
 */
public record DisbursementRequest(@Size(max = 64) String tillId,
                                  @Size(max = 64) String savingsAccountId,
                                  LocalDate firstRepaymentOn) {
}

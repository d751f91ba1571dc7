package org.coopledger.core.loans.api;

import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.savings.api.AccountId;

import java.time.LocalDate;

/**
 * Pays out an approved loan, in cash at a till or into the borrower's savings account
 * ({@code savingsAccountId}, only with {@link DisbursementChannel#SAVINGS}). A null
 * {@code firstRepaymentOn} puts the first installment one period after the booking date.
 */
public record DisburseLoan(LoanId loanId,
                           TransactionId transactionId,
                           LocalDate bookingDate,
                           LocalDate firstRepaymentOn,
                           DisbursementChannel channel,
                           AccountId savingsAccountId,
                           String tillId) {
}

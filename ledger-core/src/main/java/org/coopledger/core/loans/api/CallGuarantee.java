package org.coopledger.core.loans.api;

import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.savings.api.AccountId;

import java.time.LocalDate;

/**
 * A manager calls the guarantee pledged from {@code savingsAccountId} (the account names the
 * guarantee: each pledges a different one) for a loan in arrears: the hold is released and up to
 * the pledged amount moves from the guarantor's savings to repay the loan.
 */
public record CallGuarantee(LoanId loanId,
                            TransactionId transactionId,
                            AccountId savingsAccountId,
                            LocalDate bookingDate,
                            String calledBy) {
}

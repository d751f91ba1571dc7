package org.coopledger.core.loans.api;

import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.time.LocalDate;

/** Records the compulsory savings balance the approval relied on (null account: none required). */
public record LoanApproved(LoanId loanId, String approvedBy, LocalDate approvedOn,
                           AccountId compulsorySavingsAccountId, Money compulsorySavingsBalance) {
}

package org.coopledger.core.loans.api;

import org.coopledger.core.members.api.MemberId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/** Carries the product terms the loan keeps for its life, whatever later happens to the product. */
public record LoanApplicationSubmitted(LoanId loanId,
                                       MemberId memberId,
                                       String productCode,
                                       LoanTerms terms,
                                       Money principal,
                                       int installments,
                                       List<Guarantee> guarantors,
                                       String submittedBy,
                                       LocalDate submittedOn) {
}

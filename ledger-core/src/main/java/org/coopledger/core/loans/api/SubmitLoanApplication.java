package org.coopledger.core.loans.api;

import org.coopledger.core.members.api.MemberId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/** A member applies for a loan under a product; {@code submittedBy} is the user entering it (the maker). */
public record SubmitLoanApplication(LoanId loanId,
                                    MemberId memberId,
                                    String productCode,
                                    Money principal,
                                    int installments,
                                    List<Guarantee> guarantors,
                                    String submittedBy,
                                    LocalDate submittedOn) {
}

package org.coopledger.core.loans.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * A called guarantee repays the loan, the loan leg: Dr 2090 Transfers in transit {@code amount} /
 * Cr 1100, 4000, 4100, 4200 as allocated. The guarantor's account records the other leg
 * ({@code GuaranteeCallDebited}, Dr 2000 / Cr 2090) in the same transaction, so 2090 nets to zero.
 * Allocated oldest installment first, due or not, so the whole amount reduces the debt at once.
 */
public record LoanGuaranteeCalled(LoanId loanId,
                                  TransactionId transactionId,
                                  MemberId guarantorId,
                                  AccountId savingsAccountId,
                                  Money amount,
                                  LocalDate bookingDate,
                                  String calledBy,
                                  List<InstallmentAllocation> allocations,
                                  LoanComponents allocated,
                                  LoanComponents outstandingAfter,
                                  JournalEntry journal) implements JournalEvent {

    public LoanGuaranteeCalled {
        allocations = List.copyOf(allocations);
    }
}

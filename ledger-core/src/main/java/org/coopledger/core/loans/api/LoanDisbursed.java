package org.coopledger.core.loans.api;

import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.JournalEvent;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * The loan is paid out and its schedule fixed. Journal: Dr 1100 Loans principal / Cr 1000 Cash
 * (or Cr 2090 Transfers in transit when paid into savings, whose own event then credits 2000 with
 * {@code netAmount}); fees at disbursement Dr 1000 (or 2090) / Cr 4100 Fee income, so the member
 * receives {@code netAmount} = principal − fees.
 */
public record LoanDisbursed(LoanId loanId,
                            TransactionId transactionId,
                            MemberId memberId,
                            Money principal,
                            Money fees,
                            Money netAmount,
                            DisbursementChannel channel,
                            AccountId savingsAccountId,
                            String tillId,
                            LocalDate bookingDate,
                            Schedule schedule,
                            JournalEntry journal) implements JournalEvent {
}

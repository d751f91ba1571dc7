package org.coopledger.reporting.statement;

import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one member's money did from {@code from} to {@code to} inclusive, one section per
 * kind of holding: each savings account, share capital and each loan. Every section opens with the
 * balance at the end of the day before {@code from}, lists the movements booked in the period in
 * posting order with the balance after each, and closes with the balance at the end of {@code to};
 * opening + movements = closing in each section, in its own currency. A loan's balance is what
 * the member owes on it in all (principal, interest, fees and penalties charged).
 *
 * @param shares null when the member held no shares and moved none up to {@code to}
 */
public record MemberStatement(MemberId memberId, LocalDate from, LocalDate to, List<AccountSection> savings,
                              ShareSection shares, List<LoanSection> loans) {

    /** One savings account that was open at some point of the period. */
    public record AccountSection(AccountId accountId, String productCode, String status, Money openingBalance,
                                 List<Movement> movements, Money totalCredits, Money totalDebits,
                                 Money closingBalance) {
    }

    /**
     * @param direction CREDIT raises the balance, DEBIT lowers it
     * @param balance   the running balance after this movement
     */
    public record Movement(long entryNo, TransactionId transactionId, String type, String direction, Money amount,
                           Money balance, LocalDate bookingDate, LocalDate valueDate, String reference,
                           Instant recordedAt) {
    }

    /**
     * One loan that owed something at some point of the period (disbursed by {@code to}, and
     * owing at its start or moving during it). {@code status} as it stood at the end of {@code to}:
     * ACTIVE, CLOSED or WRITTEN_OFF. {@code totalIncreases}: what disbursement and penalties added
     * to what is owed; {@code totalDecreases}: what payments and a write-off took off.
     */
    public record LoanSection(LoanId loanId, String productCode, String status, Money openingOutstanding,
                              List<LoanMovement> movements, Money totalIncreases, Money totalDecreases,
                              Money closingOutstanding) {
    }

    /**
     * @param type    DISBURSEMENT, REPAYMENT, ADVANCE_APPLIED, GUARANTEE_CALLED, PENALTY, WRITE_OFF or RECOVERY
     * @param amount  the money the movement moved (a repayment: all the cash received, any advance held included)
     * @param parts   what it added to or took off each component owed (positive amounts)
     * @param change  what it did to the total owed: positive adds, negative takes off (zero for a recovery)
     * @param outstanding the running total owed after this movement
     */
    public record LoanMovement(String type, LocalDate bookingDate, Money amount, LoanComponents parts, Money change,
                               Money outstanding) {
    }

    /** Share capital: the holding (number of shares) and its nominal value, before and after each movement. */
    public record ShareSection(int openingShares, Money openingCapital, List<ShareMovement> movements,
                               int closingShares, Money closingCapital) {
    }

    /**
     * @param type     PURCHASE (capital up) or REDEMPTION (capital down)
     * @param capital  the running share capital after this movement
     */
    public record ShareMovement(long entryNo, TransactionId transactionId, String type, int shareCount, Money amount,
                                int sharesAfter, Money capital, LocalDate bookingDate, Instant recordedAt) {
    }
}

package org.coopledger.api.reports;

import org.coopledger.reporting.statement.MemberStatement;
import org.joda.money.Money;

import java.time.LocalDate;
import java.util.List;

/**
 * One member's statement for a period, a section per holding: {@code savings} (one per account
 * open at some point of the period) and {@code shares} (null if the member never held any by
 * {@code to}). Each section: opening balance at the end of the day before {@code from}, the
 * movements of the period with the running balance after each, closing balance at the end of
 * {@code to}. {@code loans}: one section per loan that owed something at some point of the
 * period, its balance being the total owed (principal, interest, fees and penalties charged).
 */
public record MemberStatementResponse(String memberId, LocalDate from, LocalDate to, List<AccountSection> savings,
                                      ShareSection shares, List<LoanSection> loans) implements CsvReport {

    public record AccountSection(String accountId, String productCode, String currency, String status,
                                 Money openingBalance, List<Movement> movements, Money totalCredits,
                                 Money totalDebits, Money closingBalance) {
    }

    /** {@code amount} is positive; {@code direction} CREDIT raises the balance, DEBIT lowers it. */
    public record Movement(long entryNo, String transactionId, String type, String direction, Money amount,
                           Money balance, LocalDate bookingDate, LocalDate valueDate, String reference) {
    }

    public record ShareSection(String currency, int openingShares, Money openingCapital, List<ShareMovement> movements,
                               int closingShares, Money closingCapital) {
    }

    /** {@code type} PURCHASE or REDEMPTION; {@code capital} the share capital after it. */
    public record ShareMovement(long entryNo, String transactionId, String type, int shareCount, Money amount,
                                int sharesAfter, Money capital, LocalDate bookingDate) {
    }

    /**
     * {@code status} at the end of {@code to}: ACTIVE, CLOSED or WRITTEN_OFF. Outstanding amounts
     * are the total owed; {@code totalIncreases} what disbursement and penalties added,
     * {@code totalDecreases} what payments and a write-off took off.
     */
    public record LoanSection(String loanId, String productCode, String currency, String status,
                              Money openingOutstanding, List<LoanMovement> movements, Money totalIncreases,
                              Money totalDecreases, Money closingOutstanding) {
    }

    /**
     * {@code amount}: the money moved (a repayment's cash, any advance held included).
     * {@code principal}, {@code interest}, {@code fees}, {@code penalties}: what it added to or
     * took off each part owed; {@code change}: signed change of the total owed (positive adds);
     * {@code outstanding}: the total owed after it.
     */
    public record LoanMovement(String type, LocalDate bookingDate, Money amount, Money principal, Money interest,
                               Money fees, Money penalties, Money change, Money outstanding) {
    }

    static MemberStatementResponse of(MemberStatement statement) {
        List<AccountSection> savings = statement.savings().stream().map(s -> new AccountSection(
                s.accountId().value(), s.productCode(), s.openingBalance().getCurrencyUnit().getCode(), s.status(),
                s.openingBalance(),
                s.movements().stream().map(m -> new Movement(m.entryNo(), m.transactionId().value(), m.type(),
                        m.direction(), m.amount(), m.balance(), m.bookingDate(), m.valueDate(), m.reference())).toList(),
                s.totalCredits(), s.totalDebits(), s.closingBalance())).toList();
        MemberStatement.ShareSection sh = statement.shares();
        ShareSection shares = sh == null ? null : new ShareSection(sh.openingCapital().getCurrencyUnit().getCode(),
                sh.openingShares(), sh.openingCapital(),
                sh.movements().stream().map(m -> new ShareMovement(m.entryNo(), m.transactionId().value(), m.type(),
                        m.shareCount(), m.amount(), m.sharesAfter(), m.capital(), m.bookingDate())).toList(),
                sh.closingShares(), sh.closingCapital());
        List<LoanSection> loans = statement.loans().stream().map(l -> new LoanSection(l.loanId().value(),
                l.productCode(), l.openingOutstanding().getCurrencyUnit().getCode(), l.status(), l.openingOutstanding(),
                l.movements().stream().map(m -> new LoanMovement(m.type(), m.bookingDate(), m.amount(),
                        m.parts().principal(), m.parts().interest(), m.parts().fee(), m.parts().penalty(), m.change(),
                        m.outstanding())).toList(),
                l.totalIncreases(), l.totalDecreases(), l.closingOutstanding())).toList();
        return new MemberStatementResponse(statement.memberId().value(), statement.from(), statement.to(), savings,
                shares, loans);
    }

    /**
     * One table. {@code section} is SAVINGS (with the account id), SHARES or LOAN (with the loan
     * id in {@code account_id}); {@code kind} is OPENING, MOVEMENT or CLOSING; {@code balance} is
     * the running balance (share capital for SHARES, the total owed for LOAN); amounts are in the
     * row's {@code currency}. On LOAN rows {@code debit} is what a movement added to what is owed
     * and {@code credit} what it took off, as on a loan account; {@code amount} is the money it
     * moved and {@code principal} … {@code penalties} its split.
     */
    @Override
    public void writeCsv(CsvWriter csv) {
        csv.row("section", "account_id", "currency", "kind", "entry_no", "booking_date", "value_date",
                "transaction_id", "type", "credit", "debit", "balance", "share_count", "shares_after", "reference",
                "amount", "principal", "interest", "fees", "penalties");
        for (AccountSection s : savings) {
            csv.row("SAVINGS", s.accountId(), s.currency(), "OPENING", null, from, null, null, null, null, null,
                    s.openingBalance(), null, null, null, null, null, null, null, null);
            for (Movement m : s.movements()) {
                boolean credit = "CREDIT".equals(m.direction());
                csv.row("SAVINGS", s.accountId(), s.currency(), "MOVEMENT", m.entryNo(), m.bookingDate(),
                        m.valueDate(), m.transactionId(), m.type(), credit ? m.amount() : null,
                        credit ? null : m.amount(), m.balance(), null, null, m.reference(), null, null, null, null, null);
            }
            csv.row("SAVINGS", s.accountId(), s.currency(), "CLOSING", null, to, null, null, null, s.totalCredits(),
                    s.totalDebits(), s.closingBalance(), null, null, null, null, null, null, null, null);
        }
        if (shares != null) {
            csv.row("SHARES", null, shares.currency(), "OPENING", null, from, null, null, null, null, null,
                    shares.openingCapital(), null, shares.openingShares(), null, null, null, null, null, null);
            for (ShareMovement m : shares.movements()) {
                boolean purchase = "PURCHASE".equals(m.type());
                csv.row("SHARES", null, shares.currency(), "MOVEMENT", m.entryNo(), m.bookingDate(), null,
                        m.transactionId(), m.type(), purchase ? m.amount() : null, purchase ? null : m.amount(),
                        m.capital(), m.shareCount(), m.sharesAfter(), null, null, null, null, null, null);
            }
            csv.row("SHARES", null, shares.currency(), "CLOSING", null, to, null, null, null, null, null,
                    shares.closingCapital(), null, shares.closingShares(), null, null, null, null, null, null);
        }
        for (LoanSection l : loans) {
            csv.row("LOAN", l.loanId(), l.currency(), "OPENING", null, from, null, null, null, null, null,
                    l.openingOutstanding(), null, null, null, null, null, null, null, null);
            for (LoanMovement m : l.movements()) {
                boolean adds = m.change().isPositive();
                csv.row("LOAN", l.loanId(), l.currency(), "MOVEMENT", null, m.bookingDate(), null, null, m.type(),
                        adds ? null : m.change().negated(), adds ? m.change() : null, m.outstanding(), null, null, null,
                        m.amount(), m.principal(), m.interest(), m.fees(), m.penalties());
            }
            csv.row("LOAN", l.loanId(), l.currency(), "CLOSING", null, to, null, null, null, l.totalDecreases(),
                    l.totalIncreases(), l.closingOutstanding(), null, null, null, null, null, null, null, null);
        }
    }
}

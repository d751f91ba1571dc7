package org.coopledger.reporting.statement;

import org.coopledger.core.error.Require;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.Amounts;
import org.coopledger.reporting.loans.LoanMovementView;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.loans.LoanView;
import org.coopledger.reporting.statement.MemberStatement.AccountSection;
import org.coopledger.reporting.statement.MemberStatement.LoanMovement;
import org.coopledger.reporting.statement.MemberStatement.LoanSection;
import org.coopledger.reporting.statement.MemberStatement.Movement;
import org.coopledger.reporting.statement.MemberStatement.ShareMovement;
import org.coopledger.reporting.statement.MemberStatement.ShareSection;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Reads statement lines and share movements of one member. The running balance is recomputed
 * from the opening balance and checked against the balance each event stated: a mismatch means a
 * damaged projection and fails loudly rather than printing a statement that does not add up.
 * One repeatable-read snapshot, so the sections agree with each other while postings go on.
 */
@Component
class JdbcMemberStatementQueries implements MemberStatementQueries {

    private final JdbcTemplate jdbc;
    private final LoanQueries loans;

    /** {@code loans} reads through the same JdbcTemplate, so within this class's snapshot. */
    JdbcMemberStatementQueries(JdbcTemplate jdbc, LoanQueries loans) {
        this.jdbc = jdbc;
        this.loans = loans;
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public MemberStatement statement(MemberId memberId, LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.isAfter(to)) {
            throw Require.invalid("from must not be after to");
        }
        Long movements = jdbc.queryForObject("""
                SELECT (SELECT count(*) FROM savings_statement_line l JOIN savings_account_projection a
                          ON a.account_id = l.account_id
                        WHERE a.member_id = ? AND l.booking_date BETWEEN ? AND ?)
                     + (SELECT count(*) FROM share_movement s WHERE s.member_id = ? AND s.booking_date BETWEEN ? AND ?)
                     + (SELECT count(*) FROM loan_movement m JOIN loan_projection p ON p.loan_id = m.loan_id
                        WHERE p.member_id = ? AND m.booking_date BETWEEN ? AND ?)""",
                Long.class, memberId.value(), from, to, memberId.value(), from, to, memberId.value(), from, to);
        if (movements != null && movements > MAX_MOVEMENTS) {
            throw Require.invalid("the period holds more than " + MAX_MOVEMENTS + " movements; ask for a shorter one");
        }
        List<AccountSection> savings = jdbc.query("""
                        SELECT account_id, product_code, currency, closed_on FROM savings_account_projection
                        WHERE member_id = ? AND opened_on <= ? AND (closed_on IS NULL OR closed_on >= ?)
                        ORDER BY opened_on, account_id""",
                        (rs, row) -> new AccountHeader(new AccountId(rs.getString("account_id")),
                                rs.getString("product_code"), CurrencyUnit.of(rs.getString("currency")),
                                rs.getObject("closed_on", LocalDate.class)),
                        memberId.value(), to, from)
                .stream().map(account -> section(account, from, to)).toList();
        return new MemberStatement(memberId, from, to, savings, shares(memberId, from, to), loans(memberId, from, to));
    }

    /** The member's loans disbursed by {@code to} that owed something at some point of the period, oldest first. */
    private List<LoanSection> loans(MemberId memberId, LocalDate from, LocalDate to) {
        List<LoanSection> sections = new ArrayList<>();
        loans.loansOf(memberId).stream()
                .filter(loan -> loan.disbursedOn() != null && !loan.disbursedOn().isAfter(to))
                .sorted(Comparator.comparing(LoanView::disbursedOn).thenComparing(loan -> loan.loanId().value()))
                .forEach(loan -> {
                    LoanSection section = section(loan, from, to);
                    if (!section.openingOutstanding().isZero() || !section.movements().isEmpty()) {
                        sections.add(section);
                    }
                });
        return List.copyOf(sections);
    }

    /**
     * Opening and running balances are worked out from the movements (what each added to or took
     * off the total owed); when nothing was booked after {@code to}, the closing balance must be
     * what the loan projection says is owed today, or the projection needs a rebuild.
     */
    private LoanSection section(LoanView loan, LocalDate from, LocalDate to) {
        LoanId loanId = loan.loanId();
        Money zero = Money.zero(loan.principal().getCurrencyUnit());
        Money opening = zero;
        Money running = zero;
        Money increases = zero;
        Money decreases = zero;
        boolean bookedAfter = false;
        boolean writtenOff = false;
        List<LoanMovement> movements = new ArrayList<>();
        for (LoanMovementView movement : loans.movements(loanId, null, null)) {
            if (movement.bookingDate().isAfter(to)) {
                bookedAfter = true;
                continue;
            }
            Money change = movement.owedChange();
            running = running.plus(change);
            writtenOff |= "WRITE_OFF".equals(movement.kind());
            if (movement.bookingDate().isBefore(from)) {
                opening = running;
                continue;
            }
            if (change.isPositive()) {
                increases = increases.plus(change);
            } else {
                decreases = decreases.minus(change);
            }
            movements.add(new LoanMovement(movement.kind(), movement.bookingDate(), movement.amount(),
                    movement.owedParts(), change, running));
        }
        if (!bookedAfter && !running.isEqual(loan.outstanding().total())) {
            throw new IllegalStateException("statement of loan " + loanId.value()
                    + " does not close at what the loan owes: the projection needs a rebuild");
        }
        String status = writtenOff ? "WRITTEN_OFF"
                : loan.closedOn() != null && !loan.closedOn().isAfter(to) ? "CLOSED" : "ACTIVE";
        return new LoanSection(loanId, loan.productCode(), status, opening, List.copyOf(movements), increases,
                decreases, running);
    }

    private record AccountHeader(AccountId accountId, String productCode, CurrencyUnit currency, LocalDate closedOn) {
    }

    private AccountSection section(AccountHeader account, LocalDate from, LocalDate to) {
        Money opening = balanceAfterLastLine(account, "l.booking_date < ?", from);
        List<Movement> movements = new ArrayList<>();
        Money running = opening;
        Money credits = Money.zero(account.currency());
        Money debits = Money.zero(account.currency());
        for (Line line : jdbc.query("""
                        SELECT entry_no, transaction_id, type, direction, amount, currency, balance_after, booking_date,
                               value_date, reference, recorded_at
                        FROM savings_statement_line l
                        WHERE l.account_id = ? AND l.booking_date BETWEEN ? AND ? ORDER BY l.entry_no""",
                (rs, row) -> line(rs), account.accountId().value(), from, to)) {
            boolean credit = "CREDIT".equals(line.direction());
            running = credit ? running.plus(line.amount()) : running.minus(line.amount());
            if (credit) {
                credits = credits.plus(line.amount());
            } else {
                debits = debits.plus(line.amount());
            }
            if (!running.isEqual(line.balanceAfter())) {
                throw new IllegalStateException("statement of account " + account.accountId().value()
                        + " does not add up at entry " + line.entryNo() + ": the projection needs a rebuild");
            }
            movements.add(new Movement(line.entryNo(), line.transactionId(), line.type(), line.direction(),
                    line.amount(), running, line.bookingDate(), line.valueDate(), line.reference(), line.recordedAt()));
        }
        Money closing = balanceAfterLastLine(account, "l.booking_date <= ?", to);
        if (!running.isEqual(closing)) {
            throw new IllegalStateException("statement of account " + account.accountId().value()
                    + " does not close at its balance: the projection needs a rebuild");
        }
        String status = account.closedOn() != null && !account.closedOn().isAfter(to) ? "CLOSED" : "OPEN";
        return new AccountSection(account.accountId(), account.productCode(), status, opening, List.copyOf(movements),
                credits, debits, closing);
    }

    /** The balance after the last line matching {@code condition}; zero when there is none. */
    private Money balanceAfterLastLine(AccountHeader account, String condition, LocalDate date) {
        BigDecimal balance = jdbc.query("SELECT l.balance_after FROM savings_statement_line l WHERE l.account_id = ? AND "
                        + condition + " ORDER BY l.entry_no DESC LIMIT 1",
                (rs, row) -> rs.getBigDecimal(1), account.accountId().value(), date).stream().findFirst()
                .orElse(BigDecimal.ZERO);
        return Amounts.money(account.currency().getCode(), balance);
    }

    private record Line(long entryNo, TransactionId transactionId, String type, String direction, Money amount,
                        Money balanceAfter, LocalDate bookingDate, LocalDate valueDate, String reference,
                        java.time.Instant recordedAt) {
    }

    private static Line line(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new Line(rs.getLong("entry_no"), new TransactionId(rs.getString("transaction_id")),
                rs.getString("type"), rs.getString("direction"),
                Amounts.money(currency, rs.getBigDecimal("amount")),
                Amounts.money(currency, rs.getBigDecimal("balance_after")),
                rs.getObject("booking_date", LocalDate.class), rs.getObject("value_date", LocalDate.class),
                rs.getString("reference"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }

    /**
     * The share section, or null when the member had no share movement up to {@code to}. The
     * currency is that of the member's first purchase (fixed for the member by the write side).
     */
    private ShareSection shares(MemberId memberId, LocalDate from, LocalDate to) {
        List<ShareMovement> all = jdbc.query("""
                SELECT entry_no, transaction_id, type, share_count, amount, currency, shares_after, capital_after,
                       booking_date, recorded_at
                FROM share_movement WHERE member_id = ? AND booking_date <= ? ORDER BY entry_no""",
                (rs, row) -> {
                    String currency = rs.getString("currency");
                    return new ShareMovement(rs.getLong("entry_no"), new TransactionId(rs.getString("transaction_id")),
                            rs.getString("type"), rs.getInt("share_count"),
                            Amounts.money(currency, rs.getBigDecimal("amount")), rs.getInt("shares_after"),
                            Amounts.money(currency, rs.getBigDecimal("capital_after")),
                            rs.getObject("booking_date", LocalDate.class),
                            rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
                }, memberId.value(), to);
        if (all.isEmpty()) {
            return null;
        }
        Money zero = Money.zero(all.get(0).capital().getCurrencyUnit());
        int openingShares = 0;
        Money openingCapital = zero;
        List<ShareMovement> inPeriod = new ArrayList<>();
        int shares = 0;
        Money capital = zero;
        for (ShareMovement movement : all) {
            boolean purchase = "PURCHASE".equals(movement.type());
            shares += purchase ? movement.shareCount() : -movement.shareCount();
            capital = purchase ? capital.plus(movement.amount()) : capital.minus(movement.amount());
            if (shares != movement.sharesAfter() || !capital.isEqual(movement.capital())) {
                throw new IllegalStateException("share history of a member does not add up at entry "
                        + movement.entryNo() + ": the projection needs a rebuild");
            }
            if (movement.bookingDate().isBefore(from)) {
                openingShares = shares;
                openingCapital = capital;
            } else {
                inPeriod.add(movement);
            }
        }
        return new ShareSection(openingShares, openingCapital, List.copyOf(inPeriod), shares, capital);
    }
}

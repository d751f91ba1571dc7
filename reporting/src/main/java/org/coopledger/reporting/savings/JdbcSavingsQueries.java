package org.coopledger.reporting.savings;

import org.coopledger.core.error.Require;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.Amounts;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Reads {@code savings_account_projection} and {@code savings_statement_line}, one query per call. */
@Component
class JdbcSavingsQueries implements SavingsQueries {

    private static final String ACCOUNT_COLUMNS = """
            account_id, member_id, product_code, currency, status, balance, held, minimum_balance,
            opened_on, closed_on""";

    private final JdbcTemplate jdbc;

    JdbcSavingsQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<SavingsAccountView> account(AccountId accountId) {
        return jdbc.query("SELECT " + ACCOUNT_COLUMNS + " FROM savings_account_projection WHERE account_id = ?",
                (rs, row) -> account(rs), accountId.value()).stream().findFirst();
    }

    @Override
    public List<SavingsAccountView> accountsOf(MemberId memberId) {
        return jdbc.query("SELECT " + ACCOUNT_COLUMNS
                        + " FROM savings_account_projection WHERE member_id = ? ORDER BY opened_on, account_id",
                (rs, row) -> account(rs), memberId.value());
    }

    /**
     * Lines come in entry order: the order in which they were posted, which is also the order of
     * their running balances. The cursor is the entry number of the last line of the previous page;
     * one row more than the limit is read to know whether a next page exists. An unknown account
     * has an empty statement (callers look the account up first, to check who may read it).
     */
    @Override
    public StatementPage statement(AccountId accountId, LocalDate from, LocalDate to, String after, int limit) {
        Objects.requireNonNull(accountId, "accountId");
        if (limit < 1 || limit > MAX_STATEMENT_LINES) {
            throw Require.invalid("limit must be between 1 and " + MAX_STATEMENT_LINES);
        }
        StringBuilder sql = new StringBuilder("""
                SELECT entry_no, transaction_id, type, direction, amount, currency, balance_after, booking_date,
                       value_date, reference, recorded_at
                FROM savings_statement_line WHERE account_id = ?""");
        List<Object> args = new ArrayList<>(List.of(accountId.value()));
        if (from != null) {
            sql.append(" AND booking_date >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND booking_date <= ?");
            args.add(to);
        }
        if (after != null) {
            sql.append(" AND entry_no > ?");
            args.add(StatementCursor.entryNo(after));
        }
        sql.append(" ORDER BY entry_no LIMIT ?");
        args.add(limit + 1);
        List<StatementLine> lines = jdbc.query(sql.toString(), (rs, row) -> line(rs), args.toArray());
        if (lines.size() <= limit) {
            return new StatementPage(lines, null);
        }
        List<StatementLine> page = List.copyOf(lines.subList(0, limit));
        return new StatementPage(page, StatementCursor.of(page.get(limit - 1).entryNo()));
    }

    /**
     * The balance after the last movement booked on or before {@code date}; zero in the account's
     * currency when there is none yet. Statement lines carry the balance after them, so this is
     * one indexed lookup, never a sum.
     */
    @Override
    public Optional<AccountBalance> balanceAsOf(AccountId accountId, LocalDate date) {
        Objects.requireNonNull(date, "date");
        return jdbc.query("""
                SELECT a.member_id, a.currency,
                       (SELECT l.balance_after FROM savings_statement_line l
                        WHERE l.account_id = a.account_id AND l.booking_date <= ?
                        ORDER BY l.entry_no DESC LIMIT 1) AS balance_after
                FROM savings_account_projection a WHERE a.account_id = ?""",
                (rs, row) -> {
                    String currency = rs.getString("currency");
                    BigDecimal balance = rs.getBigDecimal("balance_after");
                    return new AccountBalance(new MemberId(rs.getString("member_id")),
                            Amounts.money(currency, balance != null ? balance : BigDecimal.ZERO));
                },
                date, accountId.value()).stream().findFirst();
    }

    private static SavingsAccountView account(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        Money balance = Amounts.money(currency, rs.getBigDecimal("balance"));
        Money held = Amounts.money(currency, rs.getBigDecimal("held"));
        Money minimum = Amounts.money(currency, rs.getBigDecimal("minimum_balance"));
        return new SavingsAccountView(new AccountId(rs.getString("account_id")),
                new MemberId(rs.getString("member_id")),
                rs.getString("product_code"),
                rs.getString("status"),
                balance,
                held,
                minimum,
                balance.minus(minimum).minus(held),
                rs.getObject("opened_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class));
    }

    private static StatementLine line(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new StatementLine(rs.getLong("entry_no"),
                new TransactionId(rs.getString("transaction_id")),
                rs.getString("type"),
                rs.getString("direction"),
                Amounts.money(currency, rs.getBigDecimal("amount")),
                Amounts.money(currency, rs.getBigDecimal("balance_after")),
                rs.getObject("booking_date", LocalDate.class),
                rs.getObject("value_date", LocalDate.class),
                rs.getString("reference"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}

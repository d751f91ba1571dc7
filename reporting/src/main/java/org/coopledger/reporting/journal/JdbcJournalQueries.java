package org.coopledger.reporting.journal;

import org.coopledger.core.error.Require;
import org.coopledger.core.journal.GlAccount;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.reporting.Amounts;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** Sums {@code journal_line} in the database: one aggregate query, whatever the number of lines. */
@Component
class JdbcJournalQueries implements JournalQueries {

    private static final String TOTALS = """
            SELECT gl_code, currency,
                   COALESCE(SUM(amount) FILTER (WHERE side = 'DEBIT'), 0)  AS debits,
                   COALESCE(SUM(amount) FILTER (WHERE side = 'CREDIT'), 0) AS credits
            FROM journal_line""";
    private static final String GROUPED = " GROUP BY gl_code, currency ORDER BY gl_code, currency";
    /** Lines without a global index (untracked) are outside every range, so a verification reports them. */
    private static final String UP_TO = " WHERE global_index <= ? AND NOT (global_index = ANY (?))";

    private final JdbcTemplate jdbc;

    JdbcJournalQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** debits − credits of the lines that match; zero when none do. */
    private static final String SIGNED = "CASE WHEN side = 'DEBIT' THEN amount ELSE -amount END";
    /** Posting order: a total order, since a global index belongs to one event. */
    private static final String KEY = "(booking_date, COALESCE(global_index, 0), line_no)";

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public GeneralLedgerPage generalLedger(GlAccount account, CurrencyUnit currency, LocalDate from, LocalDate to,
                                           String after, int limit) {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(currency, "currency");
        if (limit < 1 || limit > MAX_LEDGER_ENTRIES) {
            throw Require.invalid("limit must be between 1 and " + MAX_LEDGER_ENTRIES);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw Require.invalid("from must not be after to");
        }
        LedgerCursor cursor = after == null ? null : LedgerCursor.parse(after);
        LocalDate start = from != null ? from : LocalDate.of(1, 1, 1);
        LocalDate end = to != null ? to : LocalDate.of(9999, 12, 31);
        String code = account.code();
        String ccy = currency.getCode();
        // One pass over the account's lines up to the end of the period gives all three sums.
        List<Object> args = new ArrayList<>(List.of(start, start, end));
        String beforeCursor = "0";
        if (cursor != null) {
            beforeCursor = "SUM(" + SIGNED + ") FILTER (WHERE booking_date BETWEEN ? AND ? AND " + KEY + " <= (?, ?, ?))";
            args.addAll(List.of(start, end, cursor.bookingDate(), cursor.globalIndex(), cursor.lineNo()));
        }
        args.addAll(List.of(code, ccy, end));
        BigDecimal[] sums = jdbc.queryForObject("SELECT COALESCE(SUM(" + SIGNED + ") FILTER (WHERE booking_date < ?), 0), "
                        + "COALESCE(SUM(" + SIGNED + ") FILTER (WHERE booking_date BETWEEN ? AND ?), 0), "
                        + "COALESCE(" + beforeCursor + ", 0) "
                        + "FROM journal_line WHERE gl_code = ? AND currency = ? AND booking_date <= ?",
                (rs, row) -> new BigDecimal[]{rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getBigDecimal(3)},
                args.toArray());
        Money opening = Amounts.money(ccy, sums[0]);
        Money closing = opening.plus(Amounts.money(ccy, sums[1]));
        Money running = opening.plus(Amounts.money(ccy, sums[2]));

        StringBuilder sql = new StringBuilder("""
                SELECT booking_date, COALESCE(global_index, 0) AS global_index, line_no, transaction_id, event_type,
                       side, amount
                FROM journal_line WHERE gl_code = ? AND currency = ? AND booking_date BETWEEN ? AND ?""");
        List<Object> pageArgs = new ArrayList<>(List.of(code, ccy, start, end));
        if (cursor != null) {
            sql.append(" AND ").append(KEY).append(" > (?, ?, ?)");
            pageArgs.addAll(List.of(cursor.bookingDate(), cursor.globalIndex(), cursor.lineNo()));
        }
        sql.append(" ORDER BY ").append(KEY.substring(1, KEY.length() - 1)).append(" LIMIT ?");
        pageArgs.add(limit + 1);
        List<GeneralLedgerPage.Entry> entries = new ArrayList<>();
        Money zero = Money.zero(currency);
        List<Object[]> rows = jdbc.query(sql.toString(), (rs, row) -> new Object[]{
                rs.getObject("booking_date", LocalDate.class), rs.getLong("global_index"), rs.getInt("line_no"),
                rs.getString("transaction_id"), rs.getString("event_type"), rs.getString("side"),
                Amounts.money(ccy, rs.getBigDecimal("amount"))}, pageArgs.toArray());
        for (Object[] row : rows.subList(0, Math.min(limit, rows.size()))) {
            Money amount = (Money) row[6];
            boolean debit = "DEBIT".equals(row[5]);
            running = debit ? running.plus(amount) : running.minus(amount);
            entries.add(new GeneralLedgerPage.Entry((LocalDate) row[0], (Long) row[1], (Integer) row[2],
                    new TransactionId((String) row[3]), (String) row[4], debit ? amount : zero,
                    debit ? zero : amount, running));
        }
        String next = null;
        if (rows.size() > limit) {
            GeneralLedgerPage.Entry last = entries.get(limit - 1);
            next = new LedgerCursor(last.bookingDate(), last.globalIndex(), last.lineNo()).text();
        } else if (!running.isEqual(closing)) {
            throw new IllegalStateException("general ledger of " + code + " " + ccy + " does not add up to its closing balance");
        }
        return new GeneralLedgerPage(code, account.title(), ccy, from, to, opening, List.copyOf(entries), closing, next);
    }

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        List<TrialBalanceLine> lines = asOf == null
                ? jdbc.query(TOTALS + GROUPED, (rs, row) -> line(rs))
                : jdbc.query(TOTALS + " WHERE booking_date <= ?" + GROUPED, (rs, row) -> line(rs), asOf);
        return of(asOf, lines);
    }

    @Override
    public TrialBalance trialBalanceUpTo(long lastGlobalIndex, Collection<Long> except) {
        List<TrialBalanceLine> lines = jdbc.query(connection -> upTo(connection.prepareStatement(TOTALS + UP_TO + GROUPED),
                lastGlobalIndex, except), (rs, row) -> line(rs));
        return of(null, lines);
    }

    @Override
    public long entriesUpTo(long lastGlobalIndex, Collection<Long> except) {
        List<Long> count = jdbc.query(connection -> upTo(connection.prepareStatement(
                "SELECT count(DISTINCT event_id) FROM journal_line" + UP_TO), lastGlobalIndex, except),
                (rs, row) -> rs.getLong(1));
        return count.get(0);
    }

    private static PreparedStatement upTo(PreparedStatement statement, long lastGlobalIndex, Collection<Long> except)
            throws SQLException {
        statement.setLong(1, lastGlobalIndex);
        Array excluded = statement.getConnection().createArrayOf("bigint", except.toArray());
        statement.setArray(2, excluded);
        return statement;
    }

    private static TrialBalance of(LocalDate asOf, List<TrialBalanceLine> lines) {
        Map<String, Money> net = new TreeMap<>();
        for (TrialBalanceLine line : lines) {
            net.merge(line.balance().getCurrencyUnit().getCode(), line.balance(), Money::plus);
        }
        Map<String, String> netByCurrency = new TreeMap<>();
        net.forEach((currency, sum) -> netByCurrency.put(currency, Amounts.plain(sum)));
        boolean balanced = net.values().stream().allMatch(Money::isZero);
        return new TrialBalance(asOf, List.copyOf(lines), Collections.unmodifiableMap(netByCurrency), balanced);
    }

    private static TrialBalanceLine line(ResultSet rs) throws SQLException {
        String code = rs.getString("gl_code");
        String currency = rs.getString("currency");
        Money debits = Amounts.money(currency, rs.getBigDecimal("debits"));
        Money credits = Amounts.money(currency, rs.getBigDecimal("credits"));
        return new TrialBalanceLine(code, GlAccount.ofCode(code).title(), debits, credits, debits.minus(credits));
    }
}

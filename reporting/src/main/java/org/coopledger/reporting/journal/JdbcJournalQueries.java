package org.coopledger.reporting.journal;

import org.coopledger.core.journal.GlAccount;
import org.coopledger.reporting.Amounts;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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

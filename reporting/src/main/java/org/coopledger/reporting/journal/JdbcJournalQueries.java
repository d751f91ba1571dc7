package org.coopledger.reporting.journal;

import org.coopledger.core.journal.GlAccount;
import org.coopledger.reporting.Amounts;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
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

    private final JdbcTemplate jdbc;

    JdbcJournalQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public TrialBalance trialBalance(LocalDate asOf) {
        List<TrialBalanceLine> lines = asOf == null
                ? jdbc.query(TOTALS + GROUPED, (rs, row) -> line(rs))
                : jdbc.query(TOTALS + " WHERE booking_date <= ?" + GROUPED, (rs, row) -> line(rs), asOf);
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

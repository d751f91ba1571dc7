package org.coopledger.reporting.savingsreport;

import org.coopledger.reporting.Amounts;
import org.coopledger.reporting.savingsreport.SavingsReport.CurrencyTotal;
import org.coopledger.reporting.savingsreport.SavingsReport.SavingsRow;
import org.coopledger.reporting.savingsreport.SavingsReport.ShareRow;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Two aggregate queries, whatever the number of accounts: one over the accounts opened by the
 * date (balance = balance after the last statement line booked by then; state from the closing
 * date and the last member-initiated movement), one over the members' last share movement by
 * then. Grouping columns come from a fixed list, never from the request text.
 */
@Component
class JdbcSavingsReportQueries implements SavingsReportQueries {

    /**
     * Movements a member makes on their own account. Transfers received and loan proceeds are
     * made by someone else or by the cooperative, so they do not keep an account out of dormancy.
     */
    static final String MEMBER_INITIATED = "('DEPOSIT', 'WITHDRAWAL', 'TRANSFER_OUT')";

    private static final String ACCOUNTS_AS_OF = """
            WITH acct AS (
                SELECT a.product_code, m.branch, m.segment, a.currency,
                       (a.closed_on IS NOT NULL AND a.closed_on <= ?) AS closed,
                       COALESCE((SELECT l.balance_after FROM savings_statement_line l
                                 WHERE l.account_id = a.account_id AND l.booking_date <= ?
                                 ORDER BY l.entry_no DESC LIMIT 1), 0) AS balance,
                       COALESCE((SELECT max(l.booking_date) FROM savings_statement_line l
                                 WHERE l.account_id = a.account_id AND l.booking_date <= ?
                                   AND l.type IN %s), a.opened_on) AS last_activity
                FROM savings_account_projection a
                LEFT JOIN member_projection m ON m.member_id = a.member_id
                WHERE a.opened_on <= ?)
            SELECT %s currency, SUM(balance) AS deposits,
                   count(*) FILTER (WHERE NOT closed AND last_activity > ?)  AS active,
                   count(*) FILTER (WHERE NOT closed AND last_activity <= ?) AS dormant,
                   count(*) FILTER (WHERE closed) AS closed
            FROM acct
            GROUP BY %s currency ORDER BY %s currency""";

    private static final String SHARES_AS_OF = """
            WITH holding AS (
                SELECT DISTINCT ON (s.member_id) s.member_id, s.currency, s.shares_after, s.capital_after
                FROM share_movement s
                WHERE s.booking_date <= ?
                ORDER BY s.member_id, s.entry_no DESC)
            SELECT %s h.currency, SUM(h.capital_after) AS capital, count(*) AS shareholders,
                   SUM(h.shares_after) AS shares
            FROM holding h LEFT JOIN member_projection m ON m.member_id = h.member_id
            WHERE h.shares_after > 0
            GROUP BY %s h.currency ORDER BY %s h.currency""";

    private final JdbcTemplate jdbc;
    private final int dormancyMonths;

    JdbcSavingsReportQueries(JdbcTemplate jdbc, @Value("${ledger.reports.dormancy-months:12}") int dormancyMonths) {
        if (dormancyMonths < 1) {
            throw new IllegalArgumentException("ledger.reports.dormancy-months must be at least 1");
        }
        this.jdbc = jdbc;
        this.dormancyMonths = dormancyMonths;
    }

    @Override
    public SavingsReport savingsReport(LocalDate asOf, Set<Dimension> groupBy) {
        Objects.requireNonNull(asOf, "asOf");
        Set<Dimension> dims = groupBy.isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(groupBy);
        LocalDate dormantOnOrBefore = asOf.minusMonths(dormancyMonths);
        String accountKeys = keys(dims, "product_code", "branch", "segment");
        String accountsSql = ACCOUNTS_AS_OF.formatted(MEMBER_INITIATED, accountKeys, accountKeys, accountKeys);
        List<SavingsRow> savings = jdbc.query(accountsSql, (rs, row) -> savingsRow(rs, dims),
                asOf, asOf, asOf, asOf, dormantOnOrBefore, dormantOnOrBefore);
        Set<Dimension> shareDims = EnumSet.copyOf(dims);
        shareDims.remove(Dimension.PRODUCT);
        String shareKeys = keys(shareDims, null, "m.branch", "m.segment");
        List<ShareRow> shares = jdbc.query(SHARES_AS_OF.formatted(shareKeys, shareKeys, shareKeys),
                (rs, row) -> shareRow(rs, shareDims), asOf);
        return new SavingsReport(asOf, dormancyMonths, dormantOnOrBefore, List.copyOf(dims), savings, shares,
                totals(savings, shares));
    }

    /** "product_code, branch, " for the dimensions asked, in a fixed order; "" for none. */
    private static String keys(Set<Dimension> dims, String product, String branch, String segment) {
        StringBuilder keys = new StringBuilder();
        if (dims.contains(Dimension.PRODUCT) && product != null) {
            keys.append(product).append(", ");
        }
        if (dims.contains(Dimension.BRANCH)) {
            keys.append(branch).append(", ");
        }
        if (dims.contains(Dimension.SEGMENT)) {
            keys.append(segment).append(", ");
        }
        return keys.toString();
    }

    private static SavingsRow savingsRow(ResultSet rs, Set<Dimension> dims) throws SQLException {
        return new SavingsRow(
                dims.contains(Dimension.PRODUCT) ? rs.getString("product_code") : null,
                dims.contains(Dimension.BRANCH) ? rs.getString("branch") : null,
                dims.contains(Dimension.SEGMENT) ? rs.getString("segment") : null,
                Amounts.money(rs.getString("currency"), rs.getBigDecimal("deposits")),
                rs.getLong("active"), rs.getLong("dormant"), rs.getLong("closed"));
    }

    private static ShareRow shareRow(ResultSet rs, Set<Dimension> dims) throws SQLException {
        return new ShareRow(
                dims.contains(Dimension.BRANCH) ? rs.getString("branch") : null,
                dims.contains(Dimension.SEGMENT) ? rs.getString("segment") : null,
                Amounts.money(rs.getString("currency"), rs.getBigDecimal("capital")),
                rs.getLong("shareholders"), rs.getLong("shares"));
    }

    /** Sums per currency; Money.plus refuses to add two currencies, so a mix fails loudly. */
    private static List<CurrencyTotal> totals(List<SavingsRow> savings, List<ShareRow> shares) {
        Map<String, CurrencyTotal> byCurrency = new TreeMap<>();
        for (SavingsRow row : savings) {
            CurrencyTotal t = byCurrency.computeIfAbsent(code(row.depositsOutstanding()), JdbcSavingsReportQueries::zero);
            byCurrency.put(t.currency(), new CurrencyTotal(t.currency(),
                    t.depositsOutstanding().plus(row.depositsOutstanding()),
                    t.activeAccounts() + row.activeAccounts(), t.dormantAccounts() + row.dormantAccounts(),
                    t.closedAccounts() + row.closedAccounts(), t.shareCapital(), t.shareholders(), t.shares()));
        }
        for (ShareRow row : shares) {
            CurrencyTotal t = byCurrency.computeIfAbsent(code(row.shareCapital()), JdbcSavingsReportQueries::zero);
            byCurrency.put(t.currency(), new CurrencyTotal(t.currency(), t.depositsOutstanding(),
                    t.activeAccounts(), t.dormantAccounts(), t.closedAccounts(),
                    t.shareCapital().plus(row.shareCapital()), t.shareholders() + row.shareholders(),
                    t.shares() + row.shares()));
        }
        return new ArrayList<>(byCurrency.values());
    }

    private static String code(Money money) {
        return money.getCurrencyUnit().getCode();
    }

    private static CurrencyTotal zero(String currency) {
        Money zero = Money.zero(CurrencyUnit.of(currency));
        return new CurrencyTotal(currency, zero, 0, 0, 0, zero, 0, 0);
    }
}

package org.coopledger.reporting.portfolio;

import org.coopledger.core.error.Require;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.reporting.Amounts;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Computes the portfolio in SQL from {@code loan_projection}, {@code loan_installment},
 * {@code loan_allocation}, {@code loan_penalty_charge} and {@code loan_movement}, with the branch and
 * segment of {@code member_projection}. Amounts are summed in the database per currency; ratios
 * are divided here, from the exact sums.
 */
@Component
class JdbcPortfolioQueries implements PortfolioQueries {

    static final int RATIO_SCALE = 6;

    /**
     * The grouping columns, always in this order and always present (null when not grouped by), so
     * that every query groups by positions 1 to 5. Positions, not names: PostgreSQL would read a
     * bare {@code branch} in GROUP BY as the member's column, not as this expression.
     */
    private static final String GROUP_COLUMNS = """
            l.currency,
            CASE WHEN :byBranch THEN COALESCE(m.branch, 'UNKNOWN') END AS branch,
            CASE WHEN :byProduct THEN l.product_code END AS product,
            CASE WHEN :bySegment THEN COALESCE(m.segment, 'UNKNOWN') END AS segment,
            CASE WHEN :byGender THEN COALESCE(m.gender, 'UNKNOWN') END AS gender""";

    private static final String LOANS_AND_MEMBERS = """
            loan_projection l LEFT JOIN member_projection m ON m.member_id = l.member_id""";

    /**
     * Per active loan as of :asOf, what each installment still owed then (schedule minus what was
     * paid by :asOf; penalties charged by :asOf minus paid), summed per loan with its DPD, then per line.
     * Payments and penalties are summed per installment first and joined by hash or merge: a lateral
     * lookup per installment was three times slower on 20,000 loans.
     */
    private static final String SNAPSHOT = """
            WITH active AS (
                SELECT l.loan_id, %s
                FROM %s
                WHERE l.disbursed_on <= :asOf
                  AND (l.closed_on IS NULL OR l.closed_on > :asOf)
                  AND (l.written_off_on IS NULL OR l.written_off_on > :asOf)),
            paid AS (
                SELECT x.loan_id, x.installment_no, sum(x.principal) AS principal, sum(x.interest) AS interest,
                       sum(x.fee) AS fee, sum(x.penalty) AS penalty
                FROM loan_allocation x JOIN active a ON a.loan_id = x.loan_id
                WHERE x.booking_date <= :asOf
                GROUP BY x.loan_id, x.installment_no),
            charged AS (
                SELECT y.loan_id, y.installment_no, sum(y.amount) AS penalty
                FROM loan_penalty_charge y JOIN active a ON a.loan_id = y.loan_id
                WHERE y.charged_on <= :asOf
                GROUP BY y.loan_id, y.installment_no),
            owed AS (
                SELECT i.loan_id, i.due_date,
                       i.principal_due - COALESCE(p.principal, 0) AS principal,
                       i.interest_due - COALESCE(p.interest, 0) AS interest,
                       i.fee_due - COALESCE(p.fee, 0) AS fee,
                       COALESCE(c.penalty, 0) - COALESCE(p.penalty, 0) AS penalty
                FROM active a
                JOIN loan_installment i ON i.loan_id = a.loan_id
                LEFT JOIN paid p ON p.loan_id = i.loan_id AND p.installment_no = i.installment_no
                LEFT JOIN charged c ON c.loan_id = i.loan_id AND c.installment_no = i.installment_no),
            per_loan AS (
                SELECT o.loan_id,
                       sum(o.principal) AS outstanding,
                       COALESCE(sum(o.principal) FILTER (WHERE o.due_date < :asOf), 0) AS overdue_principal,
                       COALESCE(sum(o.interest) FILTER (WHERE o.due_date < :asOf), 0) AS overdue_interest,
                       COALESCE(sum(o.fee) FILTER (WHERE o.due_date < :asOf), 0) AS overdue_fee,
                       COALESCE(sum(o.penalty) FILTER (WHERE o.due_date < :asOf), 0) AS overdue_penalty,
                       GREATEST(0, COALESCE(CAST(:asOf AS DATE)
                           - min(o.due_date) FILTER (WHERE o.principal + o.interest + o.fee > 0), 0)) AS dpd
                FROM owed o
                GROUP BY o.loan_id),
            loans AS (
                SELECT a.currency, a.branch, a.product, a.segment, a.gender, p.*
                FROM active a JOIN per_loan p ON p.loan_id = a.loan_id)
            SELECT currency, branch, product, segment, gender,
                   count(*) AS loans, sum(outstanding) AS glp,
                   sum(overdue_principal) AS overdue_principal, sum(overdue_interest) AS overdue_interest,
                   sum(overdue_fee) AS overdue_fee, sum(overdue_penalty) AS overdue_penalty%s%s
            FROM loans
            GROUP BY 1, 2, 3, 4, 5
            ORDER BY 1, 2, 3, 4, 5""";

    private static final String MOVEMENTS = """
            SELECT %s,
                   count(*) FILTER (WHERE mv.kind = 'DISBURSEMENT') AS loans_disbursed,
                   COALESCE(sum(mv.amount) FILTER (WHERE mv.kind = 'DISBURSEMENT'), 0) AS disbursed,
                   COALESCE(sum(mv.principal) FILTER (WHERE mv.kind = 'WRITE_OFF'), 0) AS written_off,
                   COALESCE(sum(mv.amount) FILTER (WHERE mv.kind = 'RECOVERY'), 0) AS recovered
            FROM loan_movement mv JOIN %s ON l.loan_id = mv.loan_id
            WHERE mv.booking_date BETWEEN :from AND :to
            GROUP BY 1, 2, 3, 4, 5""";

    /** Every payment on an installment is a repayment, whichever event made it. */
    private static final String REPAID = """
            SELECT %s,
                   sum(a.penalty) AS penalty, sum(a.fee) AS fee, sum(a.interest) AS interest,
                   sum(a.principal) AS principal
            FROM loan_allocation a JOIN %s ON l.loan_id = a.loan_id
            WHERE a.booking_date BETWEEN :from AND :to
            GROUP BY 1, 2, 3, 4, 5""";

    private final NamedParameterJdbcTemplate jdbc;

    JdbcPortfolioQueries(JdbcTemplate jdbc) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
    }

    @Override
    public List<PortfolioSnapshot> snapshot(LocalDate asOf, Set<PortfolioDimension> groupBy) {
        Require.present(asOf, "asOf");
        StringBuilder bands = new StringBuilder();
        for (int n : new int[]{1, 30, 90}) {
            bands.append(",\n count(*) FILTER (WHERE dpd > ").append(n).append(") AS par").append(n).append("_loans")
                    .append(",\n COALESCE(sum(outstanding) FILTER (WHERE dpd > ").append(n).append("), 0) AS par")
                    .append(n);
        }
        StringBuilder buckets = new StringBuilder();
        for (AgingBucket bucket : AgingBucket.values()) {
            String range = "dpd BETWEEN " + bucket.fromDays() + " AND " + bucket.toDays();
            buckets.append(",\n count(*) FILTER (WHERE ").append(range).append(") AS ").append(bucket.name())
                    .append("_loans,\n COALESCE(sum(outstanding) FILTER (WHERE ").append(range).append("), 0) AS ")
                    .append(bucket.name());
        }
        String sql = SNAPSHOT.formatted(GROUP_COLUMNS, LOANS_AND_MEMBERS, bands, buckets);
        return jdbc.query(sql, groups(groupBy).addValue("asOf", asOf), (rs, row) -> snapshot(rs, asOf));
    }

    @Override
    public List<PortfolioFlows> flows(LocalDate from, LocalDate to, Set<PortfolioDimension> groupBy) {
        Require.present(from, "from");
        Require.present(to, "to");
        if (from.isAfter(to)) {
            throw Require.invalid("from must not be after to");
        }
        MapSqlParameterSource params = groups(groupBy).addValue("from", from).addValue("to", to);
        Map<PortfolioKey, Flow> lines = new TreeMap<>(PortfolioKey.ORDER);
        jdbc.query(MOVEMENTS.formatted(GROUP_COLUMNS, LOANS_AND_MEMBERS), params, rs -> {
            Flow flow = lines.computeIfAbsent(key(rs), Flow::new);
            String currency = flow.key.currency().getCode();
            flow.loansDisbursed = rs.getInt("loans_disbursed");
            flow.disbursed = Amounts.money(currency, rs.getBigDecimal("disbursed"));
            flow.writtenOff = Amounts.money(currency, rs.getBigDecimal("written_off"));
            flow.recovered = Amounts.money(currency, rs.getBigDecimal("recovered"));
        });
        jdbc.query(REPAID.formatted(GROUP_COLUMNS, LOANS_AND_MEMBERS), params, rs -> {
            Flow flow = lines.computeIfAbsent(key(rs), Flow::new);
            flow.repaid = components(rs, flow.key.currency().getCode(), "penalty", "fee", "interest", "principal");
        });
        Map<PortfolioKey, Money> opening = glp(snapshot(from.minusDays(1), groupBy));
        Map<PortfolioKey, Money> closing = glp(snapshot(to, groupBy));
        opening.keySet().forEach(key -> lines.computeIfAbsent(key, Flow::new));
        closing.keySet().forEach(key -> lines.computeIfAbsent(key, Flow::new));
        return lines.values().stream().map(flow -> {
            Money zero = Money.zero(flow.key.currency());
            Money sumOfEnds = opening.getOrDefault(flow.key, zero).plus(closing.getOrDefault(flow.key, zero));
            Money writtenOff = orZero(flow.writtenOff, zero);
            // writtenOff / (sumOfEnds / 2) without rounding the average first.
            BigDecimal ratio = sumOfEnds.isZero() ? null : writtenOff.getAmount().multiply(BigDecimal.valueOf(2))
                    .divide(sumOfEnds.getAmount(), RATIO_SCALE, RoundingMode.HALF_EVEN);
            return new PortfolioFlows(flow.key, from, to, flow.loansDisbursed, orZero(flow.disbursed, zero),
                    flow.repaid != null ? flow.repaid : LoanComponents.zero(flow.key.currency()), writtenOff,
                    orZero(flow.recovered, zero), sumOfEnds.dividedBy(2, RoundingMode.HALF_EVEN), ratio);
        }).toList();
    }

    private static MapSqlParameterSource groups(Set<PortfolioDimension> groupBy) {
        Set<PortfolioDimension> dimensions = groupBy == null ? Set.of() : groupBy;
        return new MapSqlParameterSource()
                .addValue("byBranch", dimensions.contains(PortfolioDimension.BRANCH))
                .addValue("byProduct", dimensions.contains(PortfolioDimension.PRODUCT))
                .addValue("bySegment", dimensions.contains(PortfolioDimension.SEGMENT))
                .addValue("byGender", dimensions.contains(PortfolioDimension.GENDER));
    }

    private static PortfolioSnapshot snapshot(ResultSet rs, LocalDate asOf) throws SQLException {
        PortfolioKey key = key(rs);
        String currency = key.currency().getCode();
        Money glp = Amounts.money(currency, rs.getBigDecimal("glp"));
        LoanComponents overdue = components(rs, currency, "overdue_penalty", "overdue_fee", "overdue_interest",
                "overdue_principal");
        Map<AgingBucket, LoanTally> aging = new EnumMap<>(AgingBucket.class);
        for (AgingBucket bucket : AgingBucket.values()) {
            aging.put(bucket, tally(rs, bucket.name(), glp));
        }
        return new PortfolioSnapshot(key, asOf, rs.getInt("loans"), glp, tally(rs, "par1", glp),
                tally(rs, "par30", glp), tally(rs, "par90", glp), overdue.principal(),
                ratio(overdue.principal(), glp), overdue, aging);
    }

    private static LoanTally tally(ResultSet rs, String column, Money glp) throws SQLException {
        Money principal = Amounts.money(glp.getCurrencyUnit().getCode(), rs.getBigDecimal(column));
        return new LoanTally(rs.getInt(column + "_loans"), principal, ratio(principal, glp));
    }

    static BigDecimal ratio(Money part, Money whole) {
        return whole.isZero() ? null
                : part.getAmount().divide(whole.getAmount(), RATIO_SCALE, RoundingMode.HALF_EVEN);
    }

    private static PortfolioKey key(ResultSet rs) throws SQLException {
        return new PortfolioKey(CurrencyUnit.of(rs.getString("currency")), rs.getString("branch"),
                rs.getString("product"), rs.getString("segment"), rs.getString("gender"));
    }

    private static LoanComponents components(ResultSet rs, String currency, String penalty, String fee,
                                             String interest, String principal) throws SQLException {
        return new LoanComponents(Amounts.money(currency, rs.getBigDecimal(penalty)),
                Amounts.money(currency, rs.getBigDecimal(fee)),
                Amounts.money(currency, rs.getBigDecimal(interest)),
                Amounts.money(currency, rs.getBigDecimal(principal)));
    }

    private static Map<PortfolioKey, Money> glp(List<PortfolioSnapshot> snapshots) {
        return snapshots.stream().collect(Collectors.toMap(PortfolioSnapshot::key,
                PortfolioSnapshot::grossLoanPortfolio, Money::plus, () -> new TreeMap<>(PortfolioKey.ORDER)));
    }

    private static Money orZero(Money amount, Money zero) {
        return amount != null ? amount : zero;
    }

    /** One line of a flow report while its parts are read. */
    private static final class Flow {
        final PortfolioKey key;
        int loansDisbursed;
        Money disbursed;
        Money writtenOff;
        Money recovered;
        LoanComponents repaid;

        Flow(PortfolioKey key) {
            this.key = key;
        }
    }
}

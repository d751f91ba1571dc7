package org.coopledger.reporting.portfolio;

import org.coopledger.core.error.Require;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.reporting.Amounts;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
import java.util.function.Supplier;

/**
 * Computes the portfolio in SQL from {@code loan_projection}, {@code loan_installment},
 * {@code loan_allocation}, {@code loan_penalty_charge} and {@code loan_movement}, with the branch and
 * segment of {@code member_projection}. Amounts are summed in the database per currency; ratios
 * are divided here, from the exact sums.
 * <p>
 * The state as of a date X is computed <em>backwards from today's state</em>: what each
 * installment owed at the end of X is what it owes now plus what was paid on it after X, minus
 * the penalties charged on it after X. That reads each loan once, the installments that owe
 * something now and fell due before X (a partial index keeps them apart), and the payments booked
 * after X: the current report reads the loans and their overdue installments, a report as of last
 * month also one month of payments. The literal definition (sum everything booked on or before X, from
 * the first event) gives the same figures; {@code PortfolioAsOfTest} checks that, day by day, on a
 * random portfolio.
 */
@Component
class JdbcPortfolioQueries implements PortfolioQueries {

    static final int RATIO_SCALE = 6;

    /**
     * What a loan's schedule owes in principal today: an active loan its outstanding principal, a
     * written-off loan what was written off (its installments were left as they were), a closed
     * loan nothing.
     */
    private static final String PRINCIPAL_NOW = """
            CASE l.status WHEN 'ACTIVE' THEN l.outstanding_principal
                          WHEN 'WRITTEN_OFF' THEN l.written_off_principal ELSE 0 END""";

    /** An installment that owes something now: the predicate of the partial index {@code loan_installment_owing_idx}. */
    private static final String OWES_NOW = """
            (i.principal_paid < i.principal_due OR i.interest_paid < i.interest_due OR i.fee_paid < i.fee_due
             OR i.penalty_paid < i.penalty_charged)""";

    /**
     * Per active loan what its installments due before :asOf still owed at the end of :asOf, and its
     * DPD; then per line and {@link DpdBands DPD band} the loans, their outstanding principal and what
     * they owed overdue ({@link BandedLine} adds the bands up into PAR and aging). Such an installment
     * either owes something now (the partial index finds those by due date), or was paid after :asOf
     * and owes nothing now: the two branches are disjoint. Any other
     * installment due before :asOf was paid by then. DPD counts from the oldest installment that
     * owed principal, interest or fee (penalties aside), as the loan aggregate does. Most loans
     * have nothing paid later and nothing overdue: their NULLs are left for {@code sum} to skip, with
     * one {@code COALESCE} per total, instead of a zero added per loan (6 % of the statement).
     * %1$s: the grouping columns; %2$s: the tables they come from; %3$s: {@link #activeAt};
     * %4$s: {@link #PRINCIPAL_NOW}; %5$s: the loan's DPD band; %6$s: {@link #OWES_NOW}.
     */
    private static final String SNAPSHOT = """
            WITH active AS (
                SELECT l.loan_id, %1$s, %4$s AS principal_now
                FROM %2$s
                WHERE %3$s),
            paid_later AS (
                SELECT x.loan_id, x.installment_no, sum(x.principal) AS principal, sum(x.interest) AS interest,
                       sum(x.fee) AS fee, sum(x.penalty) AS penalty
                FROM loan_allocation x
                WHERE x.booking_date > :asOf
                GROUP BY x.loan_id, x.installment_no),
            principal_paid_later AS (
                SELECT p.loan_id, sum(p.principal) AS principal FROM paid_later p GROUP BY p.loan_id),
            charged_later AS (
                SELECT y.loan_id, y.installment_no, sum(y.amount) AS penalty
                FROM loan_penalty_charge y
                WHERE y.charged_on > :asOf
                GROUP BY y.loan_id, y.installment_no),
            owed AS (
                SELECT i.loan_id, i.due_date,
                       i.principal_due - i.principal_paid + COALESCE(p.principal, 0) AS principal,
                       i.interest_due - i.interest_paid + COALESCE(p.interest, 0) AS interest,
                       i.fee_due - i.fee_paid + COALESCE(p.fee, 0) AS fee,
                       i.penalty_charged - COALESCE(c.penalty, 0) - i.penalty_paid + COALESCE(p.penalty, 0) AS penalty
                FROM (SELECT i.* FROM loan_installment i
                      WHERE i.due_date < :asOf AND %6$s
                      UNION ALL
                      SELECT i.* FROM paid_later p
                      JOIN loan_installment i ON i.loan_id = p.loan_id AND i.installment_no = p.installment_no
                      WHERE i.due_date < :asOf AND NOT %6$s) i
                LEFT JOIN paid_later p ON p.loan_id = i.loan_id AND p.installment_no = i.installment_no
                LEFT JOIN charged_later c ON c.loan_id = i.loan_id AND c.installment_no = i.installment_no),
            overdue AS (
                SELECT o.loan_id, sum(o.principal) AS principal, sum(o.interest) AS interest, sum(o.fee) AS fee,
                       sum(o.penalty) AS penalty,
                       GREATEST(0, COALESCE(CAST(:asOf AS DATE)
                           - min(o.due_date) FILTER (WHERE o.principal + o.interest + o.fee > 0), 0)) AS dpd
                FROM owed o
                GROUP BY o.loan_id),
            loans AS (
                SELECT a.currency, a.branch, a.product, a.segment, a.gender, a.principal_now,
                       pl.principal AS paid_later, o.principal AS overdue_principal,
                       o.interest AS overdue_interest, o.fee AS overdue_fee, o.penalty AS overdue_penalty,
                       %5$s AS band
                FROM active a
                LEFT JOIN principal_paid_later pl ON pl.loan_id = a.loan_id
                LEFT JOIN overdue o ON o.loan_id = a.loan_id)
            SELECT currency, branch, product, segment, gender, band,
                   count(*) AS loans, sum(principal_now) + COALESCE(sum(paid_later), 0) AS outstanding,
                   COALESCE(sum(overdue_principal), 0) AS overdue_principal,
                   COALESCE(sum(overdue_interest), 0) AS overdue_interest,
                   COALESCE(sum(overdue_fee), 0) AS overdue_fee, COALESCE(sum(overdue_penalty), 0) AS overdue_penalty
            FROM loans
            GROUP BY 1, 2, 3, 4, 5, 6""";

    /**
     * The ends of a period (:opening, the day before it starts, and :to), part one: per line, the
     * loans active at each end and their principal now. %1$s..%4$s as in {@link #SNAPSHOT};
     * %5$s: active at :to.
     */
    private static final String LOANS_AT_ENDS = """
            SELECT g.currency, g.branch, g.product, g.segment, g.gender,
                   count(*) FILTER (WHERE g.at_opening) AS opening_loans,
                   COALESCE(sum(g.principal_now) FILTER (WHERE g.at_opening), 0) AS opening,
                   count(*) FILTER (WHERE g.at_closing) AS closing_loans,
                   COALESCE(sum(g.principal_now) FILTER (WHERE g.at_closing), 0) AS closing
            FROM (SELECT %1$s, %4$s AS principal_now, %3$s AS at_opening, %5$s AS at_closing
                  FROM %2$s
                  WHERE l.disbursed_on <= :to) g
            GROUP BY 1, 2, 3, 4, 5""";

    /**
     * Part two, from one pass over the payments booked from :from on: what was repaid in the period
     * (every payment on an installment is a repayment, whichever event made it), and the principal
     * repaid after each end by the loans active at that end, which part one's principal now lacks.
     */
    private static final String PAYMENTS_SINCE_START = """
            SELECT g.currency, g.branch, g.product, g.segment, g.gender,
                   count(*) FILTER (WHERE x.booking_date <= :to) AS repayments,
                   COALESCE(sum(x.penalty) FILTER (WHERE x.booking_date <= :to), 0) AS penalty,
                   COALESCE(sum(x.fee) FILTER (WHERE x.booking_date <= :to), 0) AS fee,
                   COALESCE(sum(x.interest) FILTER (WHERE x.booking_date <= :to), 0) AS interest,
                   COALESCE(sum(x.principal) FILTER (WHERE x.booking_date <= :to), 0) AS principal,
                   COALESCE(sum(x.principal) FILTER (WHERE g.at_opening), 0) AS opening_paid_later,
                   COALESCE(sum(x.principal) FILTER (WHERE g.at_closing AND x.booking_date > :to), 0)
                       AS closing_paid_later
            FROM loan_allocation x
            JOIN (SELECT l.loan_id, %1$s, %3$s AS at_opening, %5$s AS at_closing
                  FROM %2$s) g ON g.loan_id = x.loan_id
            WHERE x.booking_date >= :from
            GROUP BY 1, 2, 3, 4, 5""";

    private static final String MOVEMENTS = """
            SELECT %s,
                   count(*) FILTER (WHERE mv.kind = 'DISBURSEMENT') AS loans_disbursed,
                   COALESCE(sum(mv.amount) FILTER (WHERE mv.kind = 'DISBURSEMENT'), 0) AS disbursed,
                   COALESCE(sum(mv.principal) FILTER (WHERE mv.kind = 'WRITE_OFF'), 0) AS written_off,
                   COALESCE(sum(mv.amount) FILTER (WHERE mv.kind = 'RECOVERY'), 0) AS recovered
            FROM loan_movement mv JOIN %s ON l.loan_id = mv.loan_id
            WHERE mv.booking_date BETWEEN :from AND :to AND mv.kind IN ('DISBURSEMENT', 'WRITE_OFF', 'RECOVERY')
            GROUP BY 1, 2, 3, 4, 5""";

    /**
     * Memory for each sort and hash of a report query, for its transaction only: with PostgreSQL's
     * default of 4 MB the grouping of 50,000 loans into lines sorts instead of hashing.
     */
    static final String REPORT_WORK_MEM = "SET LOCAL work_mem = '32MB'";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    JdbcPortfolioQueries(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = new NamedParameterJdbcTemplate(jdbc);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Runs the statements of one report in a read-only transaction with {@link #REPORT_WORK_MEM}. */
    private <T> T report(Supplier<T> statements) {
        return readOnly.execute(status -> {
            jdbc.getJdbcTemplate().execute(REPORT_WORK_MEM);
            return statements.get();
        });
    }

    @Override
    public List<PortfolioSnapshot> snapshot(LocalDate asOf, Set<PortfolioDimension> groupBy) {
        Require.present(asOf, "asOf");
        Grouping grouping = Grouping.of(groupBy);
        String sql = SNAPSHOT.formatted(grouping.columns(), grouping.tables(), activeAt(":asOf"), PRINCIPAL_NOW,
                DpdBands.sql("COALESCE(o.dpd, 0)"), OWES_NOW);
        // Ordered here, as the flows are: an ORDER BY made PostgreSQL sort the 46,000 loans to group them
        // (about 60 ms by every breakdown) instead of hashing them and sorting the few result rows.
        Map<PortfolioKey, BandedLine> lines = new TreeMap<>(PortfolioKey.ORDER);
        report(() -> {
            jdbc.query(sql, new MapSqlParameterSource("asOf", asOf),
                    (RowCallbackHandler) rs -> lines.computeIfAbsent(key(rs), BandedLine::new).add(rs));
            return null;
        });
        return lines.values().stream().map(line -> line.snapshot(asOf)).toList();
    }

    @Override
    public List<PortfolioFlows> flows(LocalDate from, LocalDate to, Set<PortfolioDimension> groupBy) {
        Require.present(from, "from");
        Require.present(to, "to");
        if (from.isAfter(to)) {
            throw Require.invalid("from must not be after to");
        }
        return report(() -> lines(from, to, groupBy));
    }

    private List<PortfolioFlows> lines(LocalDate from, LocalDate to, Set<PortfolioDimension> groupBy) {
        Grouping grouping = Grouping.of(groupBy);
        MapSqlParameterSource params = new MapSqlParameterSource("from", from).addValue("to", to);
        Map<PortfolioKey, Flow> lines = new TreeMap<>(PortfolioKey.ORDER);
        jdbc.query(MOVEMENTS.formatted(grouping.columns(), grouping.tables()), params, rs -> {
            Flow flow = lines.computeIfAbsent(key(rs), Flow::new);
            String currency = flow.key.currency().getCode();
            flow.loansDisbursed = rs.getInt("loans_disbursed");
            flow.disbursed = Amounts.money(currency, rs.getBigDecimal("disbursed"));
            flow.writtenOff = Amounts.money(currency, rs.getBigDecimal("written_off"));
            flow.recovered = Amounts.money(currency, rs.getBigDecimal("recovered"));
        });
        Period period = period(from, to, groupBy);
        Map<PortfolioKey, Money> opening = period.opening();
        Map<PortfolioKey, Money> closing = period.closing();
        period.repaid().forEach((key, repaid) -> lines.computeIfAbsent(key, Flow::new).repaid = repaid);
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

    /**
     * The GLP of each line with active loans at the end of the day before {@code from} and at the end
     * of {@code to}, as {@link #snapshot} would state them, and what each line repaid from {@code from}
     * to {@code to}.
     */
    record Period(Map<PortfolioKey, Money> opening, Map<PortfolioKey, Money> closing,
                  Map<PortfolioKey, LoanComponents> repaid) {
    }

    Period period(LocalDate from, LocalDate to, Set<PortfolioDimension> groupBy) {
        Grouping grouping = Grouping.of(groupBy);
        MapSqlParameterSource params = new MapSqlParameterSource("from", from).addValue("to", to)
                .addValue("opening", from.minusDays(1));
        Object[] parts = {grouping.columns(), grouping.tables(), activeAt(":opening"), PRINCIPAL_NOW, activeAt(":to")};
        Map<PortfolioKey, Money> opening = new TreeMap<>(PortfolioKey.ORDER);
        Map<PortfolioKey, Money> closing = new TreeMap<>(PortfolioKey.ORDER);
        Map<PortfolioKey, LoanComponents> repaid = new TreeMap<>(PortfolioKey.ORDER);
        jdbc.query(LOANS_AT_ENDS.formatted(parts), params, rs -> {
            PortfolioKey key = key(rs);
            String currency = key.currency().getCode();
            if (rs.getInt("opening_loans") > 0) {
                opening.put(key, Amounts.money(currency, rs.getBigDecimal("opening")));
            }
            if (rs.getInt("closing_loans") > 0) {
                closing.put(key, Amounts.money(currency, rs.getBigDecimal("closing")));
            }
        });
        jdbc.query(PAYMENTS_SINCE_START.formatted(parts), params, rs -> {
            PortfolioKey key = key(rs);
            String currency = key.currency().getCode();
            Money openingPaidLater = Amounts.money(currency, rs.getBigDecimal("opening_paid_later"));
            Money closingPaidLater = Amounts.money(currency, rs.getBigDecimal("closing_paid_later"));
            opening.computeIfPresent(key, (k, glp) -> glp.plus(openingPaidLater));
            closing.computeIfPresent(key, (k, glp) -> glp.plus(closingPaidLater));
            if (rs.getInt("repayments") > 0) {
                repaid.put(key, components(rs, currency, "penalty", "fee", "interest", "principal"));
            }
        });
        return new Period(opening, closing, repaid);
    }

    /** Disbursed by the end of {@code date}, and neither closed nor written off by then. */
    private static String activeAt(String date) {
        return ("(l.disbursed_on <= %1$s AND (l.closed_on IS NULL OR l.closed_on > %1$s)"
                + " AND (l.written_off_on IS NULL OR l.written_off_on > %1$s))").formatted(date);
    }

    /**
     * PAR and aging buckets over the {@code loans} of a snapshot query, counts and outstanding principal,
     * as filtered aggregates: the literal form, kept for {@code PortfolioDefinition} (tests), which the
     * banded snapshot must agree with.
     */
    static String indicators() {
        StringBuilder columns = new StringBuilder();
        for (int n : new int[]{1, 30, 90}) {
            columns.append(",\n count(*) FILTER (WHERE dpd > ").append(n).append(") AS par").append(n).append("_loans")
                    .append(",\n COALESCE(sum(outstanding) FILTER (WHERE dpd > ").append(n).append("), 0) AS par")
                    .append(n);
        }
        for (AgingBucket bucket : AgingBucket.values()) {
            String range = "dpd BETWEEN " + bucket.fromDays() + " AND " + bucket.toDays();
            columns.append(",\n count(*) FILTER (WHERE ").append(range).append(") AS ").append(bucket.name())
                    .append("_loans,\n COALESCE(sum(outstanding) FILTER (WHERE ").append(range).append("), 0) AS ")
                    .append(bucket.name());
        }
        return columns.toString();
    }

    /** One line of a query with {@link #indicators()}. */
    static PortfolioSnapshot snapshot(ResultSet rs, LocalDate asOf) throws SQLException {
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

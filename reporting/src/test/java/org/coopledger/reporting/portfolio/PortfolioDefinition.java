package org.coopledger.reporting.portfolio;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The portfolio as of X computed literally from its definition, for tests only: every payment and
 * penalty booked on or before X summed per installment, from the first event. It reads the whole
 * history and is too slow for 50,000 loans; {@link JdbcPortfolioQueries} computes the same figures
 * backwards from today's state, and {@code PortfolioAsOfTest} holds it to this one.
 */
final class PortfolioDefinition {

    private static final String SNAPSHOT = """
            WITH active AS (
                SELECT l.loan_id, %1$s
                FROM %2$s
                WHERE l.disbursed_on <= :asOf
                  AND (l.closed_on IS NULL OR l.closed_on > :asOf)
                  AND (l.written_off_on IS NULL OR l.written_off_on > :asOf)),
            paid AS (
                SELECT x.loan_id, x.installment_no, sum(x.principal) AS principal, sum(x.interest) AS interest,
                       sum(x.fee) AS fee, sum(x.penalty) AS penalty
                FROM loan_allocation x
                WHERE x.booking_date <= :asOf
                GROUP BY x.loan_id, x.installment_no),
            charged AS (
                SELECT y.loan_id, y.installment_no, sum(y.amount) AS penalty
                FROM loan_penalty_charge y
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
                   sum(overdue_fee) AS overdue_fee, sum(overdue_penalty) AS overdue_penalty%3$s
            FROM loans
            GROUP BY 1, 2, 3, 4, 5
            ORDER BY 1, 2, 3, 4, 5""";

    private final NamedParameterJdbcTemplate jdbc;

    PortfolioDefinition(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<PortfolioSnapshot> snapshot(LocalDate asOf, Set<PortfolioDimension> groupBy) {
        Grouping grouping = Grouping.of(groupBy);
        String sql = SNAPSHOT.formatted(grouping.columns(), grouping.tables(), JdbcPortfolioQueries.indicators());
        return jdbc.query(sql, new MapSqlParameterSource("asOf", asOf),
                (rs, row) -> JdbcPortfolioQueries.snapshot(rs, asOf));
    }
}

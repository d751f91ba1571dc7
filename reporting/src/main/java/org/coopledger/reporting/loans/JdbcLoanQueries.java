package org.coopledger.reporting.loans;

import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.reporting.Amounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Reads {@code loan_projection} and {@code loan_installment}, one query per call. */
@Component
class JdbcLoanQueries implements LoanQueries {

    /**
     * The oldest unpaid due date is worked out from the installments, penalties aside, exactly as
     * the aggregate counts days past due: the first installment whose principal, interest or fee
     * is not fully paid.
     */
    private static final String LOAN_SELECT = """
            SELECT l.loan_id, l.member_id, l.product_code, l.currency, l.status, l.principal, l.installments,
                   l.submitted_by, l.submitted_on, l.approved_by, l.approved_on, l.disbursed_on, l.closed_on,
                   l.outstanding_penalty, l.outstanding_fee, l.outstanding_interest, l.outstanding_principal,
                   l.advance, l.written_off_principal, l.recovered,
                   (SELECT min(i.due_date) FROM loan_installment i
                    WHERE i.loan_id = l.loan_id
                      AND i.principal_paid + i.interest_paid + i.fee_paid < i.principal_due + i.interest_due + i.fee_due)
                       AS oldest_unpaid_due_date
            FROM loan_projection l""";

    private final JdbcTemplate jdbc;

    JdbcLoanQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<LoanView> loan(LoanId loanId) {
        return jdbc.query(LOAN_SELECT + " WHERE l.loan_id = ?", (rs, row) -> loan(rs), loanId.value())
                .stream().findFirst();
    }

    /** Newest application first; applications of the same day in the order they were submitted, reversed. */
    @Override
    public List<LoanView> loansOf(MemberId memberId) {
        return jdbc.query(LOAN_SELECT + " WHERE l.member_id = ? ORDER BY l.submitted_on DESC, l.submitted_at DESC, "
                + "l.loan_id DESC", (rs, row) -> loan(rs), memberId.value());
    }

    @Override
    public List<InstallmentView> schedule(LoanId loanId) {
        return jdbc.query("""
                SELECT installment_no, due_date, currency, principal_due, interest_due, fee_due, penalty_charged,
                       penalty_paid, fee_paid, interest_paid, principal_paid
                FROM loan_installment WHERE loan_id = ? ORDER BY installment_no""",
                (rs, row) -> {
                    String currency = rs.getString("currency");
                    LoanComponents due = components(rs, currency, "penalty_charged", "fee_due", "interest_due",
                            "principal_due");
                    LoanComponents paid = components(rs, currency, "penalty_paid", "fee_paid", "interest_paid",
                            "principal_paid");
                    return new InstallmentView(rs.getInt("installment_no"), rs.getObject("due_date", LocalDate.class),
                            due, paid);
                },
                loanId.value());
    }

    /**
     * Movement rows with what their allocation rows add up to (a sum, not the stored split, so
     * that a missing allocation row shows), and one PENALTY line per charge event and date.
     * Penalty charges keep no position in the store, so on one date they come first: a payment
     * the same day may have paid them, never the other way round.
     */
    @Override
    public List<LoanMovementView> movements(LoanId loanId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT * FROM (
                    SELECT m.kind, m.booking_date, m.sequence_number, m.currency, m.amount, m.penalty, m.fee,
                           m.interest, m.principal,
                           COALESCE(a.penalty, 0) AS a_penalty, COALESCE(a.fee, 0) AS a_fee,
                           COALESCE(a.interest, 0) AS a_interest, COALESCE(a.principal, 0) AS a_principal,
                           CASE WHEN m.kind = 'DISBURSEMENT' THEN s.principal END AS s_principal,
                           CASE WHEN m.kind = 'DISBURSEMENT' THEN s.interest END AS s_interest,
                           CASE WHEN m.kind = 'DISBURSEMENT' THEN s.fee END AS s_fee,
                           1 AS ord
                    FROM loan_movement m
                    LEFT JOIN (SELECT event_id, SUM(penalty) AS penalty, SUM(fee) AS fee, SUM(interest) AS interest,
                                      SUM(principal) AS principal
                               FROM loan_allocation WHERE loan_id = ? GROUP BY event_id) a ON a.event_id = m.event_id
                    CROSS JOIN (SELECT COALESCE(SUM(principal_due), 0) AS principal,
                                       COALESCE(SUM(interest_due), 0) AS interest, COALESCE(SUM(fee_due), 0) AS fee
                                FROM loan_installment WHERE loan_id = ?) s
                    WHERE m.loan_id = ?
                    UNION ALL
                    SELECT 'PENALTY', c.charged_on, NULL, c.currency, SUM(c.amount), SUM(c.amount), 0, 0, 0,
                           0, 0, 0, 0, NULL, NULL, NULL, 0
                    FROM loan_penalty_charge c WHERE c.loan_id = ?
                    GROUP BY c.event_id, c.charged_on, c.currency) moved
                WHERE (CAST(? AS DATE) IS NULL OR booking_date >= ?) AND (CAST(? AS DATE) IS NULL OR booking_date <= ?)
                ORDER BY booking_date, ord, sequence_number""",
                (rs, row) -> {
                    String currency = rs.getString("currency");
                    BigDecimal scheduled = rs.getBigDecimal("s_principal");
                    long sequence = rs.getLong("sequence_number");
                    Long sequenceNumber = rs.wasNull() ? null : sequence;
                    return new LoanMovementView(rs.getString("kind"), rs.getObject("booking_date", LocalDate.class),
                            sequenceNumber, Amounts.money(currency, rs.getBigDecimal("amount")),
                            components(rs, currency, "penalty", "fee", "interest", "principal"),
                            components(rs, currency, "a_penalty", "a_fee", "a_interest", "a_principal"),
                            scheduled == null ? null : new LoanComponents(Amounts.money(currency, BigDecimal.ZERO),
                                    Amounts.money(currency, rs.getBigDecimal("s_fee")),
                                    Amounts.money(currency, rs.getBigDecimal("s_interest")),
                                    Amounts.money(currency, scheduled)));
                },
                loanId.value(), loanId.value(), loanId.value(), loanId.value(), from, from, to, to);
    }

    private static LoanView loan(ResultSet rs) throws SQLException {
        String currency = rs.getString("currency");
        return new LoanView(new LoanId(rs.getString("loan_id")),
                new MemberId(rs.getString("member_id")),
                rs.getString("product_code"),
                rs.getString("status"),
                Amounts.money(currency, rs.getBigDecimal("principal")),
                rs.getInt("installments"),
                rs.getString("submitted_by"),
                rs.getObject("submitted_on", LocalDate.class),
                rs.getString("approved_by"),
                rs.getObject("approved_on", LocalDate.class),
                rs.getObject("disbursed_on", LocalDate.class),
                rs.getObject("closed_on", LocalDate.class),
                components(rs, currency, "outstanding_penalty", "outstanding_fee", "outstanding_interest",
                        "outstanding_principal"),
                Amounts.money(currency, rs.getBigDecimal("advance")),
                Amounts.money(currency, rs.getBigDecimal("written_off_principal")),
                Amounts.money(currency, rs.getBigDecimal("recovered")),
                rs.getObject("oldest_unpaid_due_date", LocalDate.class));
    }

    private static LoanComponents components(ResultSet rs, String currency, String penalty, String fee,
                                             String interest, String principal) throws SQLException {
        return new LoanComponents(Amounts.money(currency, rs.getBigDecimal(penalty)),
                Amounts.money(currency, rs.getBigDecimal(fee)),
                Amounts.money(currency, rs.getBigDecimal(interest)),
                Amounts.money(currency, rs.getBigDecimal(principal)));
    }
}

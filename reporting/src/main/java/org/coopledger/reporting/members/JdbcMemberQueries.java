package org.coopledger.reporting.members;

import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.Segment;
import org.coopledger.reporting.Amounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/** Reads {@code member_projection}. */
@Component
class JdbcMemberQueries implements MemberQueries {

    private final JdbcTemplate jdbc;

    JdbcMemberQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MemberView> member(MemberId memberId) {
        return jdbc.query("""
                SELECT member_id, member_number, legal_name, date_of_birth, gender, phone, country_of_origin,
                       address, document_type, document_number, segment, branch, join_date, status,
                       shares_held, share_capital, share_currency
                FROM member_projection WHERE member_id = ?""",
                (rs, row) -> view(rs), memberId.value()).stream().findFirst();
    }

    /** A member who never held shares has no share currency yet: share capital is then null. */
    private static MemberView view(ResultSet rs) throws SQLException {
        BigDecimal capital = rs.getBigDecimal("share_capital");
        return new MemberView(new MemberId(rs.getString("member_id")),
                rs.getString("member_number"),
                rs.getString("legal_name"),
                date(rs, "date_of_birth"),
                enumOf(Gender.class, rs.getString("gender")),
                rs.getString("phone"),
                rs.getString("country_of_origin"),
                rs.getString("address"),
                enumOf(DocumentType.class, rs.getString("document_type")),
                rs.getString("document_number"),
                enumOf(Segment.class, rs.getString("segment")),
                rs.getString("branch"),
                date(rs, "join_date"),
                rs.getString("status"),
                rs.getInt("shares_held"),
                capital == null ? null : Amounts.money(rs.getString("share_currency"), capital));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}

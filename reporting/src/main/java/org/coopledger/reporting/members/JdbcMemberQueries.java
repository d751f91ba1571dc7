package org.coopledger.reporting.members;

import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PersonalFieldCipher;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.coopledger.core.members.api.Segment;
import org.coopledger.reporting.Amounts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Reads {@code member_projection} and opens its sealed personal fields with the member's key
 * from {@code member_key} (one query, joined). Without a live key — destroyed by erasure — the
 * personal fields are null and the member is shown as erased; that is never an error.
 */
@Component
class JdbcMemberQueries implements MemberQueries {

    private final JdbcTemplate jdbc;

    JdbcMemberQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<MemberView> member(MemberId memberId) {
        return jdbc.query("""
                SELECT p.member_id, p.member_number, p.sealed_legal_name, p.sealed_date_of_birth, p.gender,
                       p.sealed_phone, p.country_of_origin, p.sealed_address, p.document_type,
                       p.sealed_document_number, p.segment, p.branch, p.join_date, p.status, p.shares_held,
                       p.share_capital, p.share_currency, p.erased,
                       k.key_bytes, k.destroyed_at IS NOT NULL AS key_destroyed
                FROM member_projection p LEFT JOIN member_key k ON k.member_id = p.member_id
                WHERE p.member_id = ?""",
                (rs, row) -> view(rs), memberId.value()).stream().findFirst();
    }

    /** A member who never held shares has no share currency yet: share capital is then null. */
    private static MemberView view(ResultSet rs) throws SQLException {
        MemberId id = new MemberId(rs.getString("member_id"));
        boolean erased = rs.getBoolean("erased") || rs.getBoolean("key_destroyed");
        Opener open = new Opener(erased ? null : rs.getBytes("key_bytes"), id);
        BigDecimal capital = rs.getBigDecimal("share_capital");
        String dateOfBirth = open.field(Field.DATE_OF_BIRTH, rs.getString("sealed_date_of_birth"));
        return new MemberView(id,
                rs.getString("member_number"),
                open.field(Field.LEGAL_NAME, rs.getString("sealed_legal_name")),
                dateOfBirth == null ? null : LocalDate.parse(dateOfBirth),
                enumOf(Gender.class, rs.getString("gender")),
                open.field(Field.PHONE, rs.getString("sealed_phone")),
                rs.getString("country_of_origin"),
                open.field(Field.ADDRESS, rs.getString("sealed_address")),
                enumOf(DocumentType.class, rs.getString("document_type")),
                open.field(Field.DOCUMENT_NUMBER, rs.getString("sealed_document_number")),
                enumOf(Segment.class, rs.getString("segment")),
                rs.getString("branch"),
                rs.getObject("join_date", LocalDate.class),
                rs.getString("status"),
                rs.getInt("shares_held"),
                capital == null ? null : Amounts.money(rs.getString("share_currency"), capital),
                erased);
    }

    /**
     * Opens fields with a key that may be gone. A value that does not authenticate under a live
     * key is a corrupted or tampered row and fails loudly (the message names no value).
     */
    private record Opener(byte[] key, MemberId memberId) {
        String field(Field field, String sealed) {
            return key == null || sealed == null ? null : PersonalFieldCipher.open(key, memberId, field, sealed);
        }
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}

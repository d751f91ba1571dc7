package org.coopledger.core.members;

import org.coopledger.core.members.api.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * {@code member_key} through the JdbcTemplate, which joins the command's Spring transaction: a
 * key is created or destroyed exactly when the event that needs it is appended.
 */
@Component
class JdbcMemberKeys implements MemberKeys {

    private final JdbcTemplate jdbc;

    JdbcMemberKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void create(MemberId memberId, byte[] key) {
        jdbc.update("INSERT INTO member_key (member_id, key_bytes, created_at) VALUES (?, ?, now())",
                memberId.value(), key);
    }

    @Override
    public Optional<byte[]> find(MemberId memberId) {
        return jdbc.query("SELECT key_bytes FROM member_key WHERE member_id = ? AND key_bytes IS NOT NULL",
                (rs, row) -> rs.getBytes(1), memberId.value()).stream().findFirst();
    }

    @Override
    public void destroy(MemberId memberId) {
        jdbc.update("UPDATE member_key SET key_bytes = NULL, destroyed_at = now() "
                + "WHERE member_id = ? AND key_bytes IS NOT NULL", memberId.value());
    }
}

package org.coopledger.core.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashMap;
import java.util.Map;

/**
 * Stands in for PostgreSQL behind the statements of member registration: the
 * {@code member_number_registry} insert with its unique number, {@code member_number_seq}, and
 * the new member's key in {@code member_key}. Anything else is a statement the tests do not expect.
 */
public class FakeMemberNumberRegistry extends JdbcTemplate {

    private final Map<String, String> memberIdByNumber = new HashMap<>();
    private final Map<String, byte[]> keys = new HashMap<>();
    private long sequence;

    /** There is no DataSource behind the fake. */
    @Override
    public void afterPropertiesSet() {
    }

    @Override
    public int update(String sql, Object... args) {
        if (sql.startsWith("INSERT INTO member_key (member_id, key_bytes, created_at)")) {
            if (keys.putIfAbsent((String) args[0], (byte[]) args[1]) != null) {
                throw new IllegalStateException("member " + args[0] + " already has a key");
            }
            return 1;
        }
        if (!sql.startsWith("INSERT INTO member_number_registry") || !sql.contains("ON CONFLICT (member_number)")) {
            throw new UnsupportedOperationException(sql);
        }
        return memberIdByNumber.putIfAbsent((String) args[0], (String) args[1]) == null ? 1 : 0;
    }

    @Override
    public <T> T queryForObject(String sql, Class<T> requiredType) {
        if (!sql.equals("SELECT nextval('member_number_seq')")) {
            throw new UnsupportedOperationException(sql);
        }
        return requiredType.cast(++sequence);
    }

    /** A number taken outside the test's commands, e.g. typed in by a teller earlier. */
    public void take(String memberNumber, String memberId) {
        memberIdByNumber.put(memberNumber, memberId);
    }

    public Map<String, String> reserved() {
        return Map.copyOf(memberIdByNumber);
    }
}

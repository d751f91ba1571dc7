package org.coopledger.api.security;

import org.coopledger.core.members.api.MemberId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Reads users from {@code app_user}; the login name must match exactly. */
final class LedgerUserDetailsService implements UserDetailsService {

    private final JdbcTemplate jdbc;

    LedgerUserDetailsService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        List<LedgerUserDetails> users = jdbc.query(
                "SELECT username, password_hash, roles, member_id, enabled FROM app_user WHERE username = ?",
                (rs, row) -> map(rs), username);
        if (users.isEmpty()) {
            throw new UsernameNotFoundException("unknown user");
        }
        return users.get(0);
    }

    private static LedgerUserDetails map(ResultSet rs) throws SQLException {
        String memberId = rs.getString("member_id");
        return new LedgerUserDetails(rs.getString("username"), rs.getString("password_hash"), roles(rs.getArray("roles")),
                memberId == null ? null : new MemberId(memberId), rs.getBoolean("enabled"));
    }

    private static Set<Role> roles(Array array) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Object role : (Object[]) array.getArray()) {
            roles.add(Role.valueOf((String) role));
        }
        return roles;
    }
}

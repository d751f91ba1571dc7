package org.coopledger.api.users;

import org.coopledger.api.security.Role;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

/** The {@code app_user} table. Reading for authentication is the security package's. */
@Component
class UserStore {

    /** A user about to be stored; the password is already a bcrypt hash. */
    record NewUser(String username, String passwordHash, Set<Role> roles, String memberId,
                   Instant createdAt, String createdBy) {

        @Override
        public String toString() {
            return "NewUser[username=" + username + ", roles=" + roles + "]";
        }
    }

    private final JdbcTemplate jdbc;

    UserStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean hasUsers() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM app_user)", Boolean.class));
    }

    /** Inserts the user; a taken name (in any letter case) fails with DuplicateKeyException. */
    void insert(NewUser user) {
        jdbc.update("""
                INSERT INTO app_user (username, password_hash, roles, member_id, enabled, created_at, created_by)
                VALUES (?, ?, ?, ?, TRUE, ?, ?)
                """, ps -> bind(ps, user));
    }

    /**
     * Inserts the user only while the table is empty; answers whether it did. Two nodes starting
     * together on an empty database both get here: the primary key lets exactly one win.
     */
    boolean insertIfNoUserExists(NewUser user) {
        return jdbc.update("""
                INSERT INTO app_user (username, password_hash, roles, member_id, enabled, created_at, created_by)
                SELECT ?, ?, ?, ?, TRUE, ?, ?
                WHERE NOT EXISTS (SELECT 1 FROM app_user)
                ON CONFLICT DO NOTHING
                """, ps -> bind(ps, user)) == 1;
    }

    private static void bind(PreparedStatement ps, NewUser user) throws SQLException {
        ps.setString(1, user.username());
        ps.setString(2, user.passwordHash());
        ps.setArray(3, ps.getConnection().createArrayOf("text",
                user.roles().stream().sorted().map(Role::name).toArray()));
        ps.setString(4, user.memberId());
        ps.setObject(5, OffsetDateTime.ofInstant(user.createdAt(), ZoneOffset.UTC));
        ps.setString(6, user.createdBy());
    }
}

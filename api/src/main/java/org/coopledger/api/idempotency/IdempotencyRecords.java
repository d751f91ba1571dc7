package org.coopledger.api.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The {@code idempotency_record} table and the advisory lock per key. Every call joins the caller's transaction. */
@Component
class IdempotencyRecords {

    /** A stored key: the fingerprint of its request and the response to replay. */
    record Entry(String fingerprint, StoredResponse response) {
    }

    private final JdbcTemplate jdbc;

    IdempotencyRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Takes the transaction-scoped advisory lock of (username, key) without waiting; false when
     * another transaction holds it, i.e. the same key is being executed right now. The lock
     * goes with the commit or rollback. Distinct keys share a lock only on a 64-bit hash collision.
     */
    boolean tryLock(String username, String key) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT pg_try_advisory_xact_lock(hashtextextended(? || ':' || ?, 0))", Boolean.class, username, key));
    }

    Optional<Entry> find(String username, String key) {
        List<Entry> found = jdbc.query("""
                        SELECT fingerprint, status_code, response_body, response_location
                        FROM idempotency_record WHERE username = ? AND idem_key = ?
                        """,
                (rs, row) -> new Entry(rs.getString("fingerprint"), new StoredResponse(rs.getInt("status_code"),
                        rs.getString("response_body"), rs.getString("response_location"))),
                username, key);
        return found.stream().findFirst();
    }

    /** Fails with DuplicateKeyException if the key was stored meanwhile, which the lock should prevent. */
    void insert(String username, String key, String fingerprint, StoredResponse response, Instant createdAt) {
        jdbc.update("""
                        INSERT INTO idempotency_record
                            (username, idem_key, fingerprint, status_code, response_body, response_location, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                username, key, fingerprint, response.status(), response.body(), response.location(),
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
    }
}

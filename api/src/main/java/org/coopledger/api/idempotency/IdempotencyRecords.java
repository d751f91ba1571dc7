package org.coopledger.api.idempotency;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** What {@link #claim} found: whether this transaction holds the key's lock, and the stored entry if any. */
    record Claim(boolean locked, Optional<Entry> previous) {
    }

    /**
     * Takes the transaction-scoped advisory lock of (username, key) without waiting and, in the
     * same round trip, reads the key's stored entry. {@code locked} is false when another
     * transaction holds the lock, i.e. the same key is being executed right now; the lock goes
     * with the commit or rollback. Distinct keys share a lock only on a 64-bit hash collision.
     *
     * <p>One statement instead of two saves a round trip per posting. Its snapshot is taken before
     * the lock, so a transaction that stored the key and committed in between is not seen: the
     * caller then acts again, its {@link #insert} meets the stored row on the primary key and the
     * whole transaction is rerun ({@link OptimisticRetry.KeyStoredMeanwhile}), which finds the entry.
     * Nothing is acted twice: the second action rolls back with its insert.
     */
    Claim claim(String username, String key) {
        return jdbc.queryForObject("""
                        SELECT pg_try_advisory_xact_lock(hashtextextended(? || ':' || ?, 0)) AS locked,
                               r.fingerprint, r.status_code, r.response_body, r.response_location
                        FROM (VALUES (1)) AS one (x)
                        LEFT JOIN idempotency_record r ON r.username = ? AND r.idem_key = ?
                        """,
                (rs, row) -> new Claim(rs.getBoolean("locked"), rs.getString("fingerprint") == null ? Optional.empty()
                        : Optional.of(new Entry(rs.getString("fingerprint"), new StoredResponse(rs.getInt("status_code"),
                        rs.getString("response_body"), rs.getString("response_location"))))),
                username, key, username, key);
    }

    /** Fails with DuplicateKeyException if the key was stored meanwhile: rarely, see {@link #claim}. */
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

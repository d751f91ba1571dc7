package org.coopledger.api.idempotency;

import org.springframework.http.ResponseEntity;

import java.util.function.Supplier;

/**
 * Runs a ledger-changing request exactly once per Idempotency-Key (API.md): same key and same
 * request → the stored original response; same key, different request → 422
 * IDEMPOTENCY_KEY_REUSED; same key while the first is still running → 409
 * IDEMPOTENCY_KEY_IN_PROGRESS. The key record and the events of {@code action} commit in one
 * database transaction, so a crash can never leave one without the other.
 */
public interface Idempotency {

    /**
     * For money movements: the key is mandatory (400 IDEMPOTENCY_KEY_REQUIRED when null,
     * 400 INVALID_IDEMPOTENCY_KEY when longer than 255 characters or blank).
     *
     * @param key     the Idempotency-Key header value
     * @param request the parsed request body (or a record of the path parameters and body); its
     *                canonical JSON plus method and path is the fingerprint compared on replay
     * @param action  sends the command(s) and builds the response; runs inside the transaction,
     *                and again from scratch if the transaction loses an optimistic-lock race
     */
    ResponseEntity<Object> required(String key, Object request, Supplier<ResponseEntity<?>> action);

    /** For other writes (registering a member...): idempotent when a key is given, plain otherwise. */
    ResponseEntity<Object> optional(String key, Object request, Supplier<ResponseEntity<?>> action);
}

package org.coopledger.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletRequest;
import org.coopledger.api.problem.ApiErrorCode;
import org.coopledger.api.problem.ApiException;
import org.coopledger.api.security.Access;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@link Idempotency} on PostgreSQL. One Spring transaction holds the key's advisory lock and its
 * lookup (one statement), the action and the stored answer; Axon's command bus joins that
 * transaction, so the events of the action and the key record commit or roll back together.
 *
 * <p>Only 2xx answers are stored. A refusal (422 INSUFFICIENT_FUNDS, 400 INVALID_AMOUNT_SCALE...)
 * is thrown and rolls everything back, so a retry with the same key runs again and may succeed
 * once the cause is gone; it changed nothing the first time. Keys belong to the authenticated
 * user: two users may use the same key independently.
 */
@Component
class TransactionalIdempotency implements Idempotency {

    static final int MAX_KEY_CHARS = 255;
    /** Each rerun costs the request a pause and its work again; a rising rate means contended aggregates. */
    static final String RERUNS_METER = "ledger.transactions.reruns";

    private final TransactionTemplate transactions;
    private final IdempotencyRecords records;
    private final RequestFingerprint fingerprints;
    private final ObjectMapper mapper;
    private final Access access;
    private final Clock clock;
    private final Counter reruns;

    TransactionalIdempotency(PlatformTransactionManager transactionManager, IdempotencyRecords records,
                             ObjectMapper mapper, Access access, Clock clock, MeterRegistry meters) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.records = records;
        this.fingerprints = new RequestFingerprint(mapper);
        this.mapper = mapper;
        this.access = access;
        this.clock = clock;
        this.reruns = Counter.builder(RERUNS_METER)
                .description("whole transactions of money-moving requests rerun after losing a race "
                        + "(a concurrent append to the same aggregate, a deadlock or serialization victim)")
                .register(meters);
    }

    @Override
    public ResponseEntity<Object> required(String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            throw new ApiException(ApiErrorCode.IDEMPOTENCY_KEY_REQUIRED,
                    "this request moves money and needs an Idempotency-Key header");
        }
        return keyed(key, request, action);
    }

    @Override
    public ResponseEntity<Object> optional(String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key == null) {
            return inTransaction(status -> answer(action.get(), status));
        }
        return keyed(key, request, action);
    }

    private ResponseEntity<Object> keyed(String key, Object request, Supplier<ResponseEntity<?>> action) {
        if (key.isBlank() || key.length() > MAX_KEY_CHARS) {
            throw new ApiException(ApiErrorCode.INVALID_IDEMPOTENCY_KEY,
                    "the Idempotency-Key must have 1 to " + MAX_KEY_CHARS + " characters and not be blank");
        }
        String username = access.currentUser().username();
        HttpServletRequest http = currentRequest();
        String fingerprint = fingerprints.of(http.getMethod(), pathOf(http), request);
        return inTransaction(status -> once(username, key, fingerprint, action, status));
    }

    private ResponseEntity<Object> once(String username, String key, String fingerprint,
                                        Supplier<ResponseEntity<?>> action, TransactionStatus status) {
        IdempotencyRecords.Claim claim = records.claim(username, key);
        if (!claim.locked()) {
            throw new ApiException(ApiErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
        Optional<IdempotencyRecords.Entry> previous = claim.previous();
        if (previous.isPresent()) {
            if (!previous.get().fingerprint().equals(fingerprint)) {
                throw new ApiException(ApiErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "this Idempotency-Key was already used for a different request");
            }
            return previous.get().response().toResponseEntity(true);
        }
        ResponseEntity<?> response = action.get();
        if (!response.getStatusCode().is2xxSuccessful()) {
            return answer(response, status);
        }
        StoredResponse stored = StoredResponse.of(response, mapper);
        try {
            records.insert(username, key, fingerprint, stored, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw new OptimisticRetry.KeyStoredMeanwhile(raced);
        }
        return stored.toResponseEntity(false);
    }

    /** A non-2xx answer that the action returned instead of throwing: it must not commit anything. */
    @SuppressWarnings("unchecked")
    private static ResponseEntity<Object> answer(ResponseEntity<?> response, TransactionStatus status) {
        if (!response.getStatusCode().is2xxSuccessful()) {
            status.setRollbackOnly();
        }
        return (ResponseEntity<Object>) response;
    }

    /**
     * Runs {@code work} in a new transaction, rerun by {@link OptimisticRetry} when it loses a race.
     * An outer transaction would make a rerun meaningless, so there must be none.
     */
    private ResponseEntity<Object> inTransaction(TransactionWork work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("idempotent requests run in a transaction of their own; "
                    + "do not call them from a transactional method");
        }
        try {
            return OptimisticRetry.run(() -> transactions.execute(work::run), reruns::increment);
        } catch (OptimisticRetry.KeyStoredMeanwhile exhausted) {
            throw new ApiException(ApiErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS,
                    "a request with this Idempotency-Key is still being processed; retry shortly");
        }
    }

    private static HttpServletRequest currentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return attributes.getRequest();
        }
        throw new IllegalStateException("idempotency keys belong to HTTP requests; no request is bound to this thread");
    }

    /** The path as the client sent it, with the query string, which is part of what was asked. */
    private static String pathOf(HttpServletRequest request) {
        String query = request.getQueryString();
        return query == null ? request.getRequestURI() : request.getRequestURI() + '?' + query;
    }

    @FunctionalInterface
    private interface TransactionWork {
        ResponseEntity<Object> run(TransactionStatus status);
    }
}

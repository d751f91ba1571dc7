package org.coopledger.api.testsupport;

import org.axonframework.modelling.command.ConcurrencyException;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Test-only endpoints around {@link Idempotency} whose effect is a row in {@link #TABLE},
 * inserted inside the idempotent transaction, so tests can count how often an action really ran.
 */
@RestController
@RequestMapping(IdempotencyProbeController.PATH)
public class IdempotencyProbeController {

    public static final String PATH = "/api/test-support/idempotency-probe";
    public static final String TABLE = "test_idempotency_effect";

    /**
     * @param label          recorded with the effect; tests use a fresh one per test
     * @param sleepMillis    how long the action holds the transaction open after its effect
     * @param fail           refuse with 422 INSUFFICIENT_FUNDS after the effect
     * @param conflicts      throw Axon's ConcurrencyException after the effect on this many attempts first
     * @param returnStatus   answer this status instead of 201 (without throwing)
     */
    public record ProbeRequest(String label, long sleepMillis, boolean fail, int conflicts, Integer returnStatus) {
    }

    public record ProbeResponse(String effectId, String label) {
    }

    private final Idempotency idempotency;
    private final JdbcTemplate jdbc;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final Map<String, Runnable> duringNextAction = new ConcurrentHashMap<>();

    IdempotencyProbeController(Idempotency idempotency, JdbcTemplate jdbc) {
        this.idempotency = idempotency;
        this.jdbc = jdbc;
        jdbc.execute("CREATE TABLE IF NOT EXISTS " + TABLE
                + " (effect_id VARCHAR(36) PRIMARY KEY, label VARCHAR(100) NOT NULL)");
    }

    @PostMapping("/required")
    ResponseEntity<Object> required(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @RequestBody ProbeRequest body) {
        return idempotency.required(key, body, effect(body));
    }

    @PostMapping("/optional")
    ResponseEntity<Object> optional(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @RequestBody ProbeRequest body) {
        return idempotency.optional(key, body, effect(body));
    }

    /** How many times the action for {@code label} started. */
    public int attempts(String label) {
        AtomicInteger count = attempts.get(label);
        return count == null ? 0 : count.get();
    }

    /** Runs {@code hook} once, inside the next action for {@code label}, after its effect. */
    public void duringNextAction(String label, Runnable hook) {
        duringNextAction.put(label, hook);
    }

    private Supplier<ResponseEntity<?>> effect(ProbeRequest body) {
        return () -> {
            int attempt = attempts.computeIfAbsent(body.label(), l -> new AtomicInteger()).incrementAndGet();
            String effectId = UUID.randomUUID().toString();
            jdbc.update("INSERT INTO " + TABLE + " (effect_id, label) VALUES (?, ?)", effectId, body.label());
            Runnable hook = duringNextAction.remove(body.label());
            if (hook != null) {
                hook.run();
            }
            pause(body.sleepMillis());
            if (attempt <= body.conflicts()) {
                throw new ConcurrencyException("probe lost a race on attempt " + attempt);
            }
            if (body.fail()) {
                throw new LedgerException(ErrorCode.INSUFFICIENT_FUNDS, "the probe refuses");
            }
            HttpStatus status = body.returnStatus() == null ? HttpStatus.CREATED : HttpStatus.valueOf(body.returnStatus());
            return ResponseEntity.status(status)
                    .location(URI.create(PATH + "/effects/" + effectId))
                    .body(new ProbeResponse(effectId, body.label()));
        };
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

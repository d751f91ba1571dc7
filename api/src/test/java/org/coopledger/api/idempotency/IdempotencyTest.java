package org.coopledger.api.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.api.testsupport.IdempotencyProbeController;
import org.coopledger.api.testsupport.IdempotencyProbeController.ProbeRequest;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Idempotency-Key contract of API.md, through a test endpoint whose action inserts one row
 * per execution inside the idempotent transaction.
 */
class IdempotencyTest extends IntegrationTest {

    private static final String REQUIRED = IdempotencyProbeController.PATH + "/required";
    private static final String OPTIONAL = IdempotencyProbeController.PATH + "/optional";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdempotencyProbeController probe;
    @Autowired
    DataSource dataSource;
    @Autowired
    ObjectMapper mapper;

    LedgerClient teller;
    String label;

    @BeforeEach
    void setUp() {
        teller = LedgerClient.admin(port).newUser("TELLER");
        label = "probe-" + UUID.randomUUID();
    }

    @Test
    void theSameKeyAndBodyAnswerTheOriginalResponseAndActOnce() {
        String key = LedgerClient.newKey();

        LedgerClient.Response first = teller.post(REQUIRED, request(), key).hasStatus(201);
        LedgerClient.Response again = teller.post(REQUIRED, request(), key).hasStatus(201);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.text("effectId")).isNotBlank().isEqualTo(first.text("effectId"));
        assertThat(again.header("Location")).isNotNull().isEqualTo(first.header("Location"));
        assertThat(again.contentType()).startsWith("application/json");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(effects()).isEqualTo(1);
        assertThat(records(key)).isEqualTo(1);
    }

    @Test
    void theOrderOfJsonKeysDoesNotMakeAnotherRequest() {
        String key = LedgerClient.newKey();
        String body = "{\"label\":\"" + label + "\",\"sleepMillis\":0,\"fail\":false,\"conflicts\":0}";
        String reordered = "{ \"conflicts\": 0, \"fail\": false, \"sleepMillis\": 0, \"label\": \"" + label + "\" }";

        LedgerClient.Response first = teller.call("POST", REQUIRED).header("Idempotency-Key", key)
                .rawBody(body, "application/json").send().hasStatus(201);
        LedgerClient.Response again = teller.call("POST", REQUIRED).header("Idempotency-Key", key)
                .rawBody(reordered, "application/json").send().hasStatus(201);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndActsNoMore() {
        String key = LedgerClient.newKey();
        teller.post(REQUIRED, request(), key).hasStatus(201);

        teller.post(REQUIRED, new ProbeRequest(label, 1, false, 0, null), key).isProblem(422, "IDEMPOTENCY_KEY_REUSED");

        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void keysBelongToTheUserWhoSentThem() {
        String key = LedgerClient.newKey();
        LedgerClient otherTeller = LedgerClient.admin(port).newUser("TELLER");

        LedgerClient.Response mine = teller.post(REQUIRED, request(), key).hasStatus(201);
        LedgerClient.Response theirs = otherTeller.post(REQUIRED, request(), key).hasStatus(201);

        assertThat(theirs.text("effectId")).isNotEqualTo(mine.text("effectId"));
        assertThat(effects()).isEqualTo(2);
    }

    @Test
    void concurrentRequestsWithOneKeyActExactlyOnce() throws Exception {
        String key = LedgerClient.newKey();
        ProbeRequest slow = new ProbeRequest(label, 700, false, 0, null);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<LedgerClient.Response> answers = new ArrayList<>();
        try {
            List<Future<LedgerClient.Response>> calls = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                calls.add(pool.submit(() -> {
                    start.await();
                    return teller.post(REQUIRED, slow, key);
                }));
            }
            start.countDown();
            for (Future<LedgerClient.Response> call : calls) {
                answers.add(call.get(30, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }

        List<LedgerClient.Response> created = answers.stream().filter(a -> a.status() == 201).toList();
        assertThat(created).isNotEmpty();
        assertThat(created).extracting(LedgerClient.Response::body).containsOnly(created.get(0).body());
        answers.stream().filter(a -> a.status() != 201)
                .forEach(a -> a.isProblem(409, "IDEMPOTENCY_KEY_IN_PROGRESS"));
        assertThat(answers.stream().filter(a -> a.status() == 409)).isNotEmpty();
        assertThat(effects()).isEqualTo(1);
        assertThat(teller.post(REQUIRED, slow, key).hasStatus(201).body()).isEqualTo(created.get(0).body());
    }

    @Test
    void aRefusedActionStoresNothingSoTheKeyCanBeUsedAgain() {
        String key = LedgerClient.newKey();

        teller.post(REQUIRED, new ProbeRequest(label, 0, true, 0, null), key).isProblem(422, "INSUFFICIENT_FUNDS");
        assertThat(effects()).isZero();
        assertThat(records(key)).isZero();

        teller.post(REQUIRED, new ProbeRequest(label, 0, true, 0, null), key).isProblem(422, "INSUFFICIENT_FUNDS");
        assertThat(probe.attempts(label)).isEqualTo(2);

        teller.post(REQUIRED, request(), key).hasStatus(201);
        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void aNonSuccessAnswerReturnedByTheActionIsPassedOnAndCommitsNothing() {
        String key = LedgerClient.newKey();

        teller.post(REQUIRED, new ProbeRequest(label, 0, false, 0, 409), key).hasStatus(409);

        assertThat(effects()).isZero();
        assertThat(records(key)).isZero();
    }

    @Test
    void aLostOptimisticLockRaceIsRetriedFromScratch() {
        String key = LedgerClient.newKey();

        LedgerClient.Response created = teller.post(REQUIRED, new ProbeRequest(label, 0, false, 2, null), key)
                .hasStatus(201);

        assertThat(probe.attempts(label)).isEqualTo(3);
        assertThat(effects()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT effect_id FROM " + IdempotencyProbeController.TABLE + " WHERE label = ?",
                String.class, label)).isEqualTo(created.text("effectId"));
    }

    /**
     * The key's lock and lookup are one statement whose snapshot predates the lock, so a request
     * can miss a key that another one stored and committed just before: it then acts, meets the
     * stored row on the primary key, rolls back and replays the stored answer.
     */
    @Test
    void aKeyStoredByAnotherTransactionWhileActingIsReplayedAndTheActionRollsBack() {
        String key = LedgerClient.newKey();
        ProbeRequest body = new ProbeRequest(label, 0, false, 0, null);
        String fingerprint = new RequestFingerprint(mapper).of("POST", REQUIRED, body);
        String storedBody = "{\"effectId\":\"stored-elsewhere\",\"label\":\"" + label + "\"}";
        // On a connection of its own, committed at once: a JdbcTemplate would join the action's transaction.
        probe.duringNextAction(label, () -> {
            try (Connection other = dataSource.getConnection();
                 PreparedStatement insert = other.prepareStatement("""
                         INSERT INTO idempotency_record
                             (username, idem_key, fingerprint, status_code, response_body, response_location, created_at)
                         VALUES (?, ?, ?, 201, ?, NULL, now())
                         """)) {
                other.setAutoCommit(true);
                insert.setString(1, teller.username());
                insert.setString(2, key);
                insert.setString(3, fingerprint);
                insert.setString(4, storedBody);
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });

        LedgerClient.Response answer = teller.post(REQUIRED, body, key).hasStatus(201);

        assertThat(answer.text("effectId")).isEqualTo("stored-elsewhere");
        assertThat(answer.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(probe.attempts(label)).isEqualTo(1);
        assertThat(effects()).isZero();
        assertThat(records(key)).isEqualTo(1);
    }

    @Test
    void retriesAreLimitedAndThenTheAnswerIsAConflict() {
        String key = LedgerClient.newKey();

        teller.post(REQUIRED, new ProbeRequest(label, 0, false, 100, null), key)
                .isProblem(409, "CONCURRENT_MODIFICATION");

        assertThat(probe.attempts(label)).isEqualTo(1 + 5);
        assertThat(effects()).isZero();
        assertThat(records(key)).isZero();
    }

    @Test
    void aMoneyMovementWithoutKeyIsRefusedBeforeActing() {
        teller.post(REQUIRED, request()).isProblem(400, "IDEMPOTENCY_KEY_REQUIRED");

        assertThat(probe.attempts(label)).isZero();
    }

    @Test
    void blankAndOverlongKeysAreRefused() {
        teller.post(REQUIRED, request(), "   ").isProblem(400, "INVALID_IDEMPOTENCY_KEY");
        teller.post(REQUIRED, request(), "").isProblem(400, "INVALID_IDEMPOTENCY_KEY");
        teller.post(REQUIRED, request(), "k".repeat(256)).isProblem(400, "INVALID_IDEMPOTENCY_KEY");
        teller.post(OPTIONAL, request(), "k".repeat(256)).isProblem(400, "INVALID_IDEMPOTENCY_KEY");
        assertThat(probe.attempts(label)).isZero();

        teller.post(REQUIRED, request(), "k".repeat(255 - 36) + UUID.randomUUID()).hasStatus(201);
    }

    @Test
    void withoutKeyAnOptionalWriteSimplyRunsEachTime() {
        teller.post(OPTIONAL, request()).hasStatus(201);
        teller.post(OPTIONAL, request()).hasStatus(201);

        assertThat(effects()).isEqualTo(2);
    }

    @Test
    void withAKeyAnOptionalWriteIsIdempotent() {
        String key = LedgerClient.newKey();

        LedgerClient.Response first = teller.post(OPTIONAL, request(), key).hasStatus(201);
        LedgerClient.Response again = teller.post(OPTIONAL, request(), key).hasStatus(201);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(effects()).isEqualTo(1);
    }

    @Test
    void theSameKeyOnAnotherPathIsAnotherRequest() {
        String key = LedgerClient.newKey();
        teller.post(REQUIRED, request(), key).hasStatus(201);

        teller.post(OPTIONAL, request(), key).isProblem(422, "IDEMPOTENCY_KEY_REUSED");
    }

    private ProbeRequest request() {
        return new ProbeRequest(label, 0, false, 0, null);
    }

    private int effects() {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM " + IdempotencyProbeController.TABLE + " WHERE label = ?", Integer.class, label);
        return count == null ? 0 : count;
    }

    private int records(String key) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM idempotency_record WHERE username = ? AND idem_key = ?",
                Integer.class, teller.username(), key);
        return count == null ? 0 : count;
    }
}

package org.coopledger.api.concurrency;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Twenty tellers hammer fifty accounts with 2,000 random deposits, withdrawals and transfers,
 * retrying like real clients on a poor connection (same Idempotency-Key on 409 and network
 * errors, and now and then a duplicate of a request that already succeeded). Afterwards the
 * books must add up exactly: every account equals what its accepted movements say, the total
 * equals accepted deposits minus withdrawals, nothing is below its floor, each accepted
 * movement is in the event store once, and the trial balance is zero.
 */
class ConcurrentPostingTest extends IntegrationTest {

    private static final int THREADS = 20;
    private static final int OPERATIONS = 2_000;
    private static final int ACCOUNTS = 50;
    private static final long OPENING_CENTS = 50_000;
    private static final int MAX_ATTEMPTS = 20;

    @Autowired
    JdbcTemplate jdbc;

    private final AtomicLongArray expectedCents = new AtomicLongArray(ACCOUNTS);
    private final AtomicLong depositedCents = new AtomicLong();
    private final AtomicLong withdrawnCents = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private final AtomicInteger duplicatesReplayed = new AtomicInteger();
    private final AtomicInteger transfersAccepted = new AtomicInteger();

    @Test
    void randomConcurrentMovementsWithRetriesKeepEveryBalanceAndTheTrialBalanceExact() throws Exception {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        LedgerClient auditor = LedgerClient.admin(port).newUser("AUDITOR");
        List<String> accounts = openFundedAccounts(teller);

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < THREADS; t++) {
            long seed = 7919L * (t + 1);
            work.add(pool.submit(() -> {
                Random random = new Random(seed);
                while (next.getAndIncrement() < OPERATIONS) {
                    oneRandomMovement(teller, accounts, random);
                }
            }));
        }
        for (Future<?> f : work) {
            f.get(10, TimeUnit.MINUTES);
        }
        pool.shutdown();

        assertThat(accepted.get() + refused.get()).isEqualTo(OPERATIONS);
        assertThat(accepted.get()).as("most movements are accepted").isGreaterThan(OPERATIONS / 2);
        assertThat(transfersAccepted.get()).as("transfers were exercised").isPositive();
        assertThat(duplicatesReplayed.get()).as("duplicates of accepted requests were sent").isPositive();
        long movementEvents = countMoneyEvents(accounts);
        assertThat(movementEvents).as("each accepted movement posted exactly once")
                .isEqualTo(ACCOUNTS + accepted.get());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            long total = 0;
            for (int i = 0; i < ACCOUNTS; i++) {
                JsonNode account = auditor.get("/api/v1/savings-accounts/" + accounts.get(i)).hasStatus(200).json();
                long cents = cents(account.path("balance").path("amount").asText());
                assertThat(cents).as("balance of account %d", i).isEqualTo(expectedCents.get(i));
                assertThat(cents).as("account %d is not below its floor", i).isGreaterThanOrEqualTo(0);
                total += cents;
            }
            assertThat(total).isEqualTo(depositedCents.get() - withdrawnCents.get());
        });
        JsonNode trialBalance = auditor.get("/api/v1/reports/trial-balance").hasStatus(200).json();
        assertThat(trialBalance.path("balanced").asBoolean()).isTrue();
        assertThat(new BigDecimal(trialBalance.path("netByCurrency").path("USD").asText())).isZero();
    }

    private List<String> openFundedAccounts(LedgerClient teller) {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            String memberId = teller.post("/api/v1/members", member(i)).hasStatus(201).text("memberId");
            String accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                    .hasStatus(201).text("accountId");
            teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                    Map.of("amount", usd(OPENING_CENTS)), LedgerClient.newKey()).hasStatus(201);
            expectedCents.set(i, OPENING_CENTS);
            depositedCents.addAndGet(OPENING_CENTS);
            accounts.add(accountId);
        }
        return accounts;
    }

    private void oneRandomMovement(LedgerClient teller, List<String> accounts, Random random) {
        int from = random.nextInt(ACCOUNTS);
        long cents = 1 + random.nextInt(30_000);
        String key = LedgerClient.newKey();
        int kind = random.nextInt(3);
        String path;
        Object body;
        if (kind == 0) {
            path = "/api/v1/savings-accounts/" + accounts.get(from) + "/deposits";
            body = Map.of("amount", usd(cents));
        } else if (kind == 1) {
            path = "/api/v1/savings-accounts/" + accounts.get(from) + "/withdrawals";
            body = Map.of("amount", usd(cents));
        } else {
            int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
            path = "/api/v1/transfers";
            body = Map.of("fromAccountId", accounts.get(from), "toAccountId", accounts.get(to), "amount", usd(cents));
            LedgerClient.Response response = postWithRetries(teller, path, body, key);
            if (settle(response, random, teller, path, body, key)) {
                expectedCents.addAndGet(from, -cents);
                expectedCents.addAndGet(to, cents);
                transfersAccepted.incrementAndGet();
            }
            return;
        }
        LedgerClient.Response response = postWithRetries(teller, path, body, key);
        if (settle(response, random, teller, path, body, key)) {
            expectedCents.addAndGet(from, kind == 0 ? cents : -cents);
            (kind == 0 ? depositedCents : withdrawnCents).addAndGet(cents);
        }
    }

    /** True when the movement was accepted; a refusal must be INSUFFICIENT_FUNDS and nothing else. */
    private boolean settle(LedgerClient.Response response, Random random, LedgerClient teller, String path,
                           Object body, String key) {
        if (response.status() == 201) {
            accepted.incrementAndGet();
            if (random.nextInt(20) == 0) {
                LedgerClient.Response again = postWithRetries(teller, path, body, key);
                assertThat(again.status()).isEqualTo(201);
                assertThat(again.text("transactionId")).isEqualTo(response.text("transactionId"));
                duplicatesReplayed.incrementAndGet();
            }
            return true;
        }
        assertThat(response.status()).as("refusal %s", response.body()).isEqualTo(422);
        assertThat(response.code()).isEqualTo("INSUFFICIENT_FUNDS");
        refused.incrementAndGet();
        return false;
    }

    /** What a careful client does: the same key again after a conflict, a 5xx or a network error. */
    private static LedgerClient.Response postWithRetries(LedgerClient teller, String path, Object body, String key) {
        for (int attempt = 1; ; attempt++) {
            try {
                LedgerClient.Response response = teller.post(path, body, key);
                boolean retryable = response.status() == 409 || response.status() >= 500;
                if (!retryable || attempt == MAX_ATTEMPTS) {
                    return response;
                }
            } catch (UncheckedIOException e) {
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
            }
            sleepQuietly(10L * attempt);
        }
    }

    private long countMoneyEvents(List<String> accounts) {
        Long count = jdbc.queryForObject("""
                SELECT count(*) FROM domain_event_entry
                WHERE aggregate_identifier = ANY (?) AND payload_type IN (
                  'org.coopledger.core.savings.api.DepositRecorded',
                  'org.coopledger.core.savings.api.WithdrawalRecorded',
                  'org.coopledger.core.savings.api.TransferSent')""",
                Long.class, (Object) accounts.toArray(new String[0]));
        return count == null ? 0 : count;
    }

    private static Map<String, Object> member(int i) {
        return Map.of("legalName", "Load Member " + i, "dateOfBirth", "1985-01-01", "gender", "MALE",
                "phone", "+256700000" + String.format("%03d", i), "countryOfOrigin", "SS", "address", "Kampala",
                "segment", "MIGRANT_WORKER", "document", Map.of("type", "NONE_YET"), "branch", "KLA-1");
    }

    private static Map<String, String> usd(long cents) {
        return Map.of("amount", BigDecimal.valueOf(cents, 2).toPlainString(), "currency", "USD");
    }

    private static long cents(String amount) {
        return new BigDecimal(amount).movePointRight(2).longValueExact();
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

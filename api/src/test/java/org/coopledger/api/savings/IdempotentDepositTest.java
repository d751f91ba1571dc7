package org.coopledger.api.savings;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.coopledger.api.walkthrough.Cooperative.AccountSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/** A teller on a poor connection resends a deposit: the money is credited once, whatever happens. */
class IdempotentDepositTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String account;
    String deposits;

    @BeforeEach
    void anEmptyAccount() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        account = coop.openAccount(teller, coop.registerMember(teller), "JOD");
        deposits = "/api/v1/savings-accounts/" + account + "/deposits";
    }

    @Test
    void theSameKeyAndBodyAnswerTheOriginalDepositAndCreditOnce() {
        String key = newKey();
        Map<String, Object> body = Map.of("amount", money("125.500", "JOD"));

        LedgerClient.Response first = teller.post(deposits, body, key).hasStatus(201);
        LedgerClient.Response again = teller.post(deposits, body, key).hasStatus(201);

        assertThat(again.text("transactionId")).isEqualTo(first.text("transactionId"));
        assertThat(again.json()).isEqualTo(first.json());
        AccountSnapshot after = coop.settled(teller, account, "125.500");
        assertThat(after.statement().path("lines")).hasSize(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndPostsNothing() {
        String key = newKey();
        teller.post(deposits, Map.of("amount", money("125.500", "JOD")), key).hasStatus(201);
        AccountSnapshot before = coop.settled(teller, account, "125.500");

        teller.post(deposits, Map.of("amount", money("999.000", "JOD")), key).isProblem(422);

        coop.assertUnchanged(teller, account, before);
    }

    @Test
    void aDepositWithoutKeyIsRefused() {
        AccountSnapshot before = coop.settled(teller, account, "0.000");

        teller.post(deposits, Map.of("amount", money("1.000", "JOD"))).isProblem(400);

        coop.assertUnchanged(teller, account, before);
    }

    @Test
    void tenConcurrentDepositsWithOneKeyPostOnce() throws Exception {
        String key = newKey();
        Map<String, Object> body = Map.of("amount", money("10.000", "JOD"));
        long eventsBefore = coop.events(account);
        int threads = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<LedgerClient.Response>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return teller.post(deposits, body, key);
                }));
            }
            start.countDown();
            List<LedgerClient.Response> answered = new ArrayList<>();
            for (Future<LedgerClient.Response> reply : replies) {
                answered.add(reply.get(30, TimeUnit.SECONDS));
            }

            List<LedgerClient.Response> created = answered.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(r -> r.text("transactionId")).containsOnly(created.get(0).text("transactionId"));
            answered.stream().filter(r -> r.status() != 201).forEach(r -> r.isProblem(409));
        } finally {
            pool.shutdownNow();
        }
        assertThat(coop.events(account)).isEqualTo(eventsBefore + 1);
        AccountSnapshot after = coop.settled(teller, account, "10.000");
        assertThat(after.statement().path("lines")).hasSize(1);
    }

    @Test
    void aRefusedDepositIsNotRememberedSoTheKeyCanBeRetriedAfterTheFix() {
        String key = newKey();

        teller.post(deposits, Map.of("amount", money("1.0001", "JOD")), key).isProblem(400, "INVALID_AMOUNT_SCALE");
        teller.post(deposits, Map.of("amount", money("1.000", "JOD")), key).hasStatus(201);

        coop.settled(teller, account, "1.000");
    }
}

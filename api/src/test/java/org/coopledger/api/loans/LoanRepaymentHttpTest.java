package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.testsupport.LedgerClient.newKey;
import static org.coopledger.api.walkthrough.Cooperative.money;

/** Repayments are money movements: posted once per key, and a bad amount changes nothing. */
class LoanRepaymentHttpTest extends LoanIntegrationTest {

    String loanId;
    String repayments;

    @BeforeEach
    void anActiveLoan() {
        Map<String, Object> terms = productBody(newProductCode());
        terms.put("overpaymentPolicy", "HOLD_AS_ADVANCE");
        loanId = activeLoan(coop.registerMember(teller), defineProduct(terms), List.of());
        repayments = "/api/v1/loans/" + loanId + "/repayments";
    }

    @Test
    void theSameKeyAndBodyAnswerTheOriginalRepaymentAndPostOnce() {
        String key = newKey();
        Map<String, Object> body = Map.of("amount", money("50.00", USD));
        long before = events(loanId);

        LedgerClient.Response first = teller.post(repayments, body, key).hasStatus(201);
        LedgerClient.Response again = teller.post(repayments, body, key).hasStatus(201);

        assertThat(again.json()).isEqualTo(first.json());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(events(loanId)).isEqualTo(before + 1);
        teller.post(repayments, Map.of("amount", money("60.00", USD)), key).isProblem(422, "IDEMPOTENCY_KEY_REUSED");
        teller.post(repayments, body).isProblem(400, "IDEMPOTENCY_KEY_REQUIRED");
        assertThat(events(loanId)).isEqualTo(before + 1);
        // Paid before anything is due, the product holds it as an advance.
        assertThat(amount(first.json(), "advance")).isEqualTo("50.00");
        awaitLoan(teller, loanId, l -> "50.00".equals(amount(l, "advance")));
    }

    @Test
    void tenConcurrentRepaymentsWithOneKeyPostOnce() throws Exception {
        String key = newKey();
        Map<String, Object> body = Map.of("amount", money("10.00", USD));
        long before = events(loanId);
        int threads = 10;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<LedgerClient.Response>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return teller.post(repayments, body, key);
                }));
            }
            start.countDown();
            List<LedgerClient.Response> answered = new ArrayList<>();
            for (Future<LedgerClient.Response> reply : replies) {
                answered.add(reply.get(30, TimeUnit.SECONDS));
            }
            List<LedgerClient.Response> created = answered.stream().filter(r -> r.status() == 201).toList();
            assertThat(created).isNotEmpty();
            assertThat(created).extracting(r -> r.text("transactionId"))
                    .containsOnly(created.get(0).text("transactionId"));
            answered.stream().filter(r -> r.status() != 201).forEach(r -> r.isProblem(409));
        } finally {
            pool.shutdownNow();
        }
        assertThat(events(loanId)).isEqualTo(before + 1);
        awaitLoan(teller, loanId, l -> "10.00".equals(amount(l, "advance")));
    }

    @Test
    void badAmountsAreRefusedWithTheirCodeAndChangeNothing() {
        long before = events(loanId);
        JsonNode loanBefore = awaitLoan(teller, loanId, l -> "ACTIVE".equals(l.path("status").asText()));

        refused(money("10.001", USD), 400, "INVALID_AMOUNT_SCALE");
        refused(money("10.00", "EUR"), 422, "CURRENCY_MISMATCH");
        refused(money("0.00", USD), 400, "INVALID_AMOUNT");
        refused(money("-10.00", USD), 400, "INVALID_AMOUNT");
        refused(money("1000000000000.00", USD), 400, "AMOUNT_TOO_LARGE");
        refused(money("10.00", "ABC"), 400, "UNKNOWN_CURRENCY");
        refused(money("1e3", USD), 400, "INVALID_AMOUNT");
        // More than the whole loan will ever ask for cannot be held as an advance either.
        refused(money("1020.08", USD), 422, "OVERPAYMENT_REFUSED");
        Cooperative.postRaw(teller, repayments, "{\"amount\":{\"amount\":10.00,\"currency\":\"USD\"}}", newKey())
                .isProblem(400);
        teller.post("/api/v1/loans/no-such-loan/repayments", Map.of("amount", money("10.00", USD)), newKey())
                .isProblem(404, "LOAN_NOT_FOUND");

        assertThat(events(loanId)).isEqualTo(before);
        assertThat(teller.get("/api/v1/loans/" + loanId).hasStatus(200).json()).isEqualTo(loanBefore);
    }

    private void refused(Map<String, String> amount, int status, String code) {
        teller.post(repayments, Map.of("amount", amount), newKey()).isProblem(status, code);
    }
}

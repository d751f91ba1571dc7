package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.testsupport.MutableClock;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coopledger.api.testsupport.LedgerClient.newKey;
import static org.coopledger.api.walkthrough.Cooperative.money;

/**
 * Base of the loan HTTP tests: one context with a {@link MutableClock}, shared by the loan test
 * classes, and the steps of a loan through the API. The standard loan is 1,000.00 USD at 12 % over
 * 3 months: installments of 340.02 (10.00 interest), 340.02 (6.70) and 340.03 (3.37).
 */
@Import(MutableClock.Configuration.class)
abstract class LoanIntegrationTest extends IntegrationTest {

    static final String USD = "USD";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    Cooperative coop;
    LedgerClient admin;
    LedgerClient teller;
    LedgerClient manager;
    LedgerClient auditor;

    @BeforeEach
    void staff() {
        coop = new Cooperative(port, jdbc);
        admin = coop.admin();
        teller = coop.newStaff("TELLER");
        manager = coop.newStaff("MANAGER");
        auditor = coop.newStaff("AUDITOR");
    }

    /** Monthly at 12 %, 3 installments, penalty 2 % a period after 5 days; the terms can be changed per test. */
    static Map<String, Object> productBody(String code) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productCode", code);
        body.put("name", "Monthly loan " + code);
        body.put("principalMin", money("100.00", USD));
        body.put("principalMax", money("5000.00", USD));
        body.put("annualRate", "0.12");
        body.put("frequency", "MONTHLY");
        body.put("installmentsMin", 3);
        body.put("installmentsMax", 3);
        body.put("penaltyRatePerPeriod", "0.02");
        body.put("penaltyToleranceDays", 5);
        body.put("overpaymentPolicy", "REFUSE");
        return body;
    }

    String defineProduct(Map<String, Object> body) {
        return admin.post("/api/v1/loan-products", body).hasStatus(201).text("productCode");
    }

    String standardProduct() {
        return defineProduct(productBody(newProductCode()));
    }

    static String newProductCode() {
        return "L-" + Cooperative.shortId().toUpperCase();
    }

    /** A guarantee body for the application. */
    static Map<String, Object> guarantee(String guarantorId, String accountId, String amount) {
        return Map.of("guarantorId", guarantorId, "savingsAccountId", accountId, "amount", money(amount, USD));
    }

    LedgerClient.Response apply(LedgerClient maker, String memberId, String productCode, String principal,
                                List<Map<String, Object>> guarantors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("memberId", memberId);
        body.put("productCode", productCode);
        body.put("principal", money(principal, USD));
        if (!guarantors.isEmpty()) {
            body.put("guarantors", guarantors);
        }
        return maker.post("/api/v1/loans", body);
    }

    /** A standard loan of a new borrower, disbursed in cash today; answers its id. */
    String activeLoan(String borrower, String productCode, List<Map<String, Object>> guarantors) {
        String loanId = apply(teller, borrower, productCode, "1000.00", guarantors).hasStatus(201).text("loanId");
        manager.post("/api/v1/loans/" + loanId + "/approval", null).hasStatus(200);
        teller.post("/api/v1/loans/" + loanId + "/disbursement", Map.of("tillId", "till-1"), newKey())
                .hasStatus(201);
        awaitLoan(teller, loanId, loan -> "ACTIVE".equals(loan.path("status").asText()));
        return loanId;
    }

    LedgerClient.Response repay(String loanId, String amount) {
        return teller.post("/api/v1/loans/" + loanId + "/repayments", Map.of("amount", money(amount, USD),
                "tillId", "till-1"), newKey());
    }

    static JsonNode awaitLoan(LedgerClient reader, String loanId, Predicate<JsonNode> until) {
        return Cooperative.awaitRead(reader, "/api/v1/loans/" + loanId, until);
    }

    static JsonNode awaitSchedule(LedgerClient reader, String loanId, Predicate<JsonNode> until) {
        return Cooperative.awaitRead(reader, "/api/v1/loans/" + loanId + "/schedule", until);
    }

    static String amount(JsonNode node, String... path) {
        JsonNode at = node;
        for (String field : path) {
            at = at.path(field);
        }
        return at.path("amount").asText();
    }

    /**
     * Waits until the journal projection has every entry so far: the trial balance nets to zero in
     * every currency and the clearing account 2090 is empty (the two legs of a transfer, a
     * disbursement into savings or a called guarantee may reach the projection a moment apart).
     */
    void assertTrialBalanceZero() {
        await().atMost(Cooperative.PROJECTION_TIMEOUT).untilAsserted(() -> {
            JsonNode trial = auditor.get("/api/v1/reports/trial-balance").hasStatus(200).json();
            assertThat(trial.path("balanced").asBoolean()).as("%s", trial).isTrue();
            trial.path("netByCurrency").forEach(net ->
                    assertThat(new BigDecimal(net.asText())).as("%s", trial).isZero());
            List<String> clearing = new ArrayList<>();
            trial.path("lines").forEach(line -> {
                if ("2090".equals(line.path("accountCode").asText())
                        && new BigDecimal(line.path("balance").path("amount").asText()).signum() != 0) {
                    clearing.add(line.toString());
                }
            });
            assertThat(clearing).as("2090 must be empty").isEmpty();
        });
    }

    /** Events stored for one aggregate: the ground truth of "nothing changed". */
    long events(String aggregateId) {
        return coop.events(aggregateId);
    }
}

package org.coopledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Auditors page through the raw history in global order, filtered; nobody else may. */
class AuditEventHistoryTest extends IntegrationTest {

    private LedgerClient teller;
    private LedgerClient auditor;
    private String accountId;

    @BeforeEach
    void anAccountWithThreeDeposits() {
        LedgerClient admin = LedgerClient.admin(port);
        teller = admin.newUser("TELLER");
        auditor = admin.newUser("AUDITOR");
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "History Member", "dateOfBirth",
                "1970-01-01", "gender", "MALE", "phone", "+9627000003", "countryOfOrigin", "IQ",
                "address", "Irbid", "segment", "RETURN_MIGRANT", "document", Map.of("type", "PASSPORT", "number", "P1"),
                "branch", "IRB")).hasStatus(201).text("memberId");
        accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                .hasStatus(201).text("accountId");
        for (String amount : List.of("1.00", "2.00", "3.00")) {
            teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                    Map.of("amount", Map.of("amount", amount, "currency", "USD")), LedgerClient.newKey()).hasStatus(201);
        }
    }

    @Test
    void anAuditorPagesThroughOneAggregatesHistoryInGlobalOrder() {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = auditor.get("/api/v1/audit/events?aggregateId=" + accountId + "&limit=2"
                    + (cursor == null ? "" : "&after=" + cursor)).hasStatus(200).json();
            page.path("events").forEach(events::add);
            cursor = page.path("next").isNull() || page.path("next").isMissingNode() ? null : page.path("next").asText();
        } while (cursor != null);

        assertThat(events).extracting(e -> e.path("type").asText()).containsExactly(
                "org.coopledger.core.savings.api.SavingsAccountOpened",
                "org.coopledger.core.savings.api.DepositRecorded",
                "org.coopledger.core.savings.api.DepositRecorded",
                "org.coopledger.core.savings.api.DepositRecorded");
        assertThat(events).extracting(e -> e.path("globalIndex").asLong()).isSorted();
        assertThat(events.get(3).path("payload").path("balanceAfter").path("amount").asText()).isEqualTo("6.00");
        assertThat(events.get(3).path("metadata").path("user").asText()).isEqualTo(teller.username());
    }

    @Test
    void theHistoryFiltersByTypeAndActingUser() {
        JsonNode page = auditor.get("/api/v1/audit/events?type=DepositRecorded&user=" + teller.username())
                .hasStatus(200).json();
        assertThat(page.path("events")).hasSize(3);
        assertThat(page.path("events")).allSatisfy(e ->
                assertThat(e.path("aggregateId").asText()).isEqualTo(accountId));
    }

    @Test
    void onlyAuditorsReadTheHistoryAndBadCursorsAreRefused() {
        teller.get("/api/v1/audit/events").isProblem(403, "FORBIDDEN");
        auditor.get("/api/v1/audit/events?after=-5").isProblem(400, "VALIDATION_FAILED");
        auditor.get("/api/v1/audit/events?limit=501").isProblem(400, "VALIDATION_FAILED");
        auditor.get("/api/v1/audit/events?from=yesterday").isProblem(400, "VALIDATION_FAILED");
    }
}

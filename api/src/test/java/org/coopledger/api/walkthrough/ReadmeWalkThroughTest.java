package org.coopledger.api.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.memberBody;
import static org.coopledger.api.walkthrough.Cooperative.money;

/** The README's curl walk-through, step by step, and what it leaves in the log. */
@ExtendWith(OutputCaptureExtension.class)
class ReadmeWalkThroughTest extends IntegrationTest {

    static final String LEGAL_NAME = "Amina Walkthrough Yusuf";
    static final String PHONE = "+962791234567";
    static final String DOCUMENT_NUMBER = "ASY-2026-998877";
    static final String ADDRESS = "Jabal Al-Hussein, Amman";

    @Autowired
    JdbcTemplate jdbc;

    /** What the walk-through produced, for the assertions of each test. */
    record Outcome(String tellerPassword, String memberId, String accountId, JsonNode deposit, JsonNode account,
                   JsonNode statement, JsonNode member) {
    }

    @Test
    void anAdminCreatesATellerWhoRegistersAMemberOpensAnAccountDepositsAndReadsTheBalanceBack() {
        Outcome outcome = walkThrough();

        assertThat(outcome.deposit().path("balance").path("amount").asText()).isEqualTo("125.500");
        assertThat(outcome.deposit().path("balance").path("currency").asText()).isEqualTo("JOD");
        assertThat(outcome.deposit().path("transactionId").asText()).isNotBlank();
        assertThat(outcome.account().path("memberId").asText()).isEqualTo(outcome.memberId());
        assertThat(outcome.account().path("status").asText()).isEqualTo("OPEN");
        assertThat(outcome.account().path("available").path("amount").asText()).isEqualTo("125.500");
        JsonNode line = outcome.statement().path("lines").get(0);
        assertThat(line.path("transactionId").asText()).isEqualTo(outcome.deposit().path("transactionId").asText());
        assertThat(line.path("direction").asText()).isEqualTo("CREDIT");
        assertThat(line.path("balanceAfter").path("amount").asText()).isEqualTo("125.500");
        assertThat(outcome.member().path("legalName").asText()).isEqualTo(LEGAL_NAME);
    }

    @Test
    void theWalkThroughLogsNoPersonalDataAndNoPassword(CapturedOutput output) {
        Outcome outcome = walkThrough();

        assertThat(output.getAll())
                .doesNotContain(LEGAL_NAME)
                .doesNotContain("Walkthrough")
                .doesNotContain(PHONE)
                .doesNotContain(DOCUMENT_NUMBER)
                .doesNotContain(ADDRESS)
                .doesNotContain(outcome.tellerPassword())
                .doesNotContain(ADMIN_PASSWORD);
    }

    private Outcome walkThrough() {
        Cooperative coop = new Cooperative(port, jdbc);
        // 1. The admin creates a teller.
        String tellerName = "tina-" + Cooperative.shortId();
        String tellerPassword = "teller-password-" + Cooperative.shortId();
        coop.admin().post("/api/v1/users", Map.of("username", tellerName, "password", tellerPassword,
                "roles", List.of("TELLER"))).hasStatus(201);
        LedgerClient teller = LedgerClient.anonymous(port).as(tellerName, tellerPassword);
        // 2. The teller registers a member (refused first with a taken number, as happens at a counter).
        Map<String, Object> body = memberBody(LEGAL_NAME);
        body.put("phone", PHONE);
        body.put("address", ADDRESS);
        body.put("document", Map.of("type", "ASYLUM_SEEKER_CERTIFICATE", "number", DOCUMENT_NUMBER));
        String memberId = teller.post("/api/v1/members", body).hasStatus(201).text("memberId");
        String memberNumber = Cooperative.awaitRead(teller, "/api/v1/members/" + memberId,
                m -> memberId.equals(m.path("memberId").asText())).path("memberNumber").asText();
        body.put("memberNumber", memberNumber);
        teller.post("/api/v1/members", body).isProblem(409, "MEMBER_NUMBER_TAKEN");
        body.put("legalName", LEGAL_NAME + "x".repeat(200));
        teller.post("/api/v1/members", body).isProblem(400, "VALIDATION_FAILED");
        // 3. Open a savings account in Jordanian dinars.
        String accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "JOD"))
                .hasStatus(201).text("accountId");
        // 4. Deposit 125.500 JOD with an Idempotency-Key.
        JsonNode deposit = teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                Map.of("amount", money("125.500", "JOD")), "dep-" + Cooperative.shortId()).hasStatus(201).json();
        // 5. Read the balance and the statement.
        JsonNode account = Cooperative.awaitBalance(teller, accountId, "125.500");
        JsonNode statement = teller.get("/api/v1/savings-accounts/" + accountId + "/transactions").hasStatus(200).json();
        JsonNode member = teller.get("/api/v1/members/" + memberId).hasStatus(200).json();
        return new Outcome(tellerPassword, memberId, accountId, deposit, account, statement, member);
    }
}

package org.coopledger.api.accesslog;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every read of a member's personal data is logged (who, when, which request), and only auditors read the log. */
class PersonalDataAccessLogTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void staffAndMemberReadsOfPersonalDataAreLoggedForAuditors() {
        Cooperative coop = new Cooperative(port, jdbc);
        LedgerClient teller = coop.newStaff("TELLER");
        LedgerClient auditor = coop.newStaff("AUDITOR");
        String memberId = coop.registerMember(teller);
        LedgerClient member = LedgerClient.admin(port).newMemberUser(memberId);

        Cooperative.awaitRead(teller, "/api/v1/members/" + memberId, m -> memberId.equals(m.path("memberId").asText()));
        String tellerRequest = teller.get("/api/v1/members/" + memberId).hasStatus(200).header("X-Request-Id");
        member.get("/api/v1/me").hasStatus(200);

        List<JsonNode> accesses = new ArrayList<>();
        auditor.get("/api/v1/audit/personal-data-access?memberId=" + memberId).hasStatus(200).json()
                .path("accesses").forEach(accesses::add);
        assertThat(accesses).extracting(a -> a.path("username").asText())
                .contains(teller.username(), member.username());
        assertThat(accesses).extracting(a -> a.path("requestId").asText()).contains(tellerRequest);
        assertThat(accesses).allSatisfy(a -> {
            assertThat(a.path("memberId").asText()).isEqualTo(memberId);
            assertThat(a.toString()).doesNotContain("+962790000001");
        });
    }

    @Test
    void onlyAuditorsReadTheAccessLog() {
        Cooperative coop = new Cooperative(port, jdbc);
        coop.newStaff("TELLER").get("/api/v1/audit/personal-data-access").isProblem(403, "FORBIDDEN");
        coop.newStaff("MANAGER").get("/api/v1/audit/personal-data-access").isProblem(403, "FORBIDDEN");
    }
}

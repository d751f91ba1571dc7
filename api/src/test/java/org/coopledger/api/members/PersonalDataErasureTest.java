package org.coopledger.api.members;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coopledger.api.walkthrough.Cooperative.memberBody;

/** Crypto-shredding end to end: after erasure no table holds the person in clear, money is intact. */
class PersonalDataErasureTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    LedgerClient admin;
    LedgerClient auditor;

    @BeforeEach
    void staff() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        admin = LedgerClient.admin(port);
        auditor = coop.newStaff("AUDITOR");
    }

    @Test
    void anExitedMemberIsErasedAndNoTableStillNamesThem() {
        String name = "Zainab Qwertyuiop-" + Cooperative.shortId();
        String phone = "+9627" + (10000000 + (int) (Math.random() * 8999999));
        String document = "UNHCR-ZQ-" + Cooperative.shortId();
        Map<String, Object> body = memberBody(name);
        body.put("phone", phone);
        body.put("document", Map.of("type", "REFUGEE_CERTIFICATE", "number", document));
        String memberId = teller.post("/api/v1/members", body, LedgerClient.newKey()).hasStatus(201).text("memberId");
        String account = coop.openAccount(teller, memberId, "JOD");
        Cooperative.awaitRead(teller, "/api/v1/members/" + memberId, m -> name.equals(m.path("legalName").asText()));

        admin.post("/api/v1/members/" + memberId + "/erasure", Map.of("reason", "member request"))
                .isProblem(422, "MEMBER_HAS_OPEN_ACCOUNTS");
        teller.post("/api/v1/members/" + memberId + "/erasure", Map.of("reason", "member request")).isProblem(403);
        teller.post("/api/v1/savings-accounts/" + account + "/closure", Map.of()).hasStatus(200);
        teller.post("/api/v1/members/" + memberId + "/exit", Map.of("reason", "moving away")).hasStatus(200);
        JsonNode trialBefore = auditor.get("/api/v1/reports/trial-balance").hasStatus(200).json();

        admin.post("/api/v1/members/" + memberId + "/erasure", Map.of("reason", "member request"),
                LedgerClient.newKey()).hasStatus(200);

        JsonNode erased = Cooperative.awaitRead(teller, "/api/v1/members/" + memberId,
                m -> m.path("erased").asBoolean() && "EXITED".equals(m.path("status").asText()));
        assertThat(erased.path("legalName").isValueNode() && !erased.path("legalName").isNull()).as("personal field is gone").isFalse();
        assertThat(erased.path("phone").isValueNode() && !erased.path("phone").isNull()).as("personal field is gone").isFalse();
        assertThat(erased.path("document").path("number").isValueNode() && !erased.path("document").path("number").isNull()).as("personal field is gone").isFalse();
        assertThat(erased.path("status").asText()).isEqualTo("EXITED");
        assertThat(erased.path("segment").asText()).isEqualTo("REFUGEE");
        assertThat(erased.path("memberNumber").asText()).isNotBlank();
        assertThat(auditor.get("/api/v1/reports/trial-balance").hasStatus(200).json()).isEqualTo(trialBefore);
        assertNowhere(List.of(name, phone, document));

        // A replay of the projections decrypts with a destroyed key: nulls, no error.
        admin.post("/api/v1/admin/projections/rebuild", null).hasStatus(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "FINISHED".equals(
                admin.get("/api/v1/admin/projections").json().path("state").asText()));
        JsonNode replayed = Cooperative.awaitRead(teller, "/api/v1/members/" + memberId,
                m -> m.path("erased").asBoolean() && "EXITED".equals(m.path("status").asText()));
        assertThat(replayed.path("legalName").isValueNode() && !replayed.path("legalName").isNull()).as("personal field is gone").isFalse();
        assertNowhere(List.of(name, phone, document));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM deadletterentry", Long.class)).isZero();
    }

    /** A pg_dump-like scan: every text-like or bytea column of every table in public. */
    private void assertNowhere(List<String> secrets) {
        List<Map<String, Object>> columns = jdbc.queryForList("""
                SELECT table_name, column_name, data_type FROM information_schema.columns
                WHERE table_schema = 'public'
                  AND data_type IN ('text', 'character varying', 'character', 'bytea', 'jsonb', 'json', 'ARRAY')""");
        for (Map<String, Object> column : columns) {
            String table = (String) column.get("table_name");
            String name = (String) column.get("column_name");
            String text = "bytea".equals(column.get("data_type"))
                    ? "convert_from(\"" + name + "\", 'UTF8')" : "\"" + name + "\"::text";
            for (String secret : secrets) {
                Long hits = jdbc.queryForObject("SELECT count(*) FROM \"" + table + "\" WHERE position(? IN "
                        + ("bytea".equals(column.get("data_type")) ? "encode(\"" + name + "\", 'escape')" : text)
                        + ") > 0", Long.class, secret);
                assertThat(hits).as("%s.%s still holds personal data", table, name).isZero();
            }
        }
    }
}

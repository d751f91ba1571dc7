package org.coopledger.api.members;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.memberBody;

/** Registering members, reading them back, changing contact details and leaving the cooperative. */
class MemberRegistrationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;

    @BeforeEach
    void aTeller() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
    }

    @Test
    void aRegisteredMemberReadsBackWithAGeneratedNumber() {
        Map<String, Object> body = memberBody("Amina Yusuf");
        body.put("document", Map.of("type", "REFUGEE_CERTIFICATE", "number", "UNHCR-123-456"));

        LedgerClient.Response registered = teller.post("/api/v1/members", body).hasStatus(201);

        String memberId = registered.text("memberId");
        assertThat(registered.text("memberNumber")).matches("M-\\d{6}");
        JsonNode member = Cooperative.awaitRead(teller, "/api/v1/members/" + memberId,
                m -> memberId.equals(m.path("memberId").asText()));
        assertThat(member.path("memberNumber").asText()).isEqualTo(registered.text("memberNumber"));
        assertThat(member.path("legalName").asText()).isEqualTo("Amina Yusuf");
        assertThat(member.path("dateOfBirth").asText()).isEqualTo("1990-04-12");
        assertThat(member.path("segment").asText()).isEqualTo("REFUGEE");
        assertThat(member.path("document").path("type").asText()).isEqualTo("REFUGEE_CERTIFICATE");
        assertThat(member.path("document").path("number").asText()).isEqualTo("UNHCR-123-456");
        assertThat(member.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(member.path("sharesHeld").asInt()).isZero();
    }

    @Test
    void aGivenMemberNumberIsTakenOnlyOnce() {
        String number = "T-" + Cooperative.shortId();
        Map<String, Object> first = memberBody("First Holder");
        first.put("memberNumber", number);
        teller.post("/api/v1/members", first).hasStatus(201);
        Map<String, Object> second = memberBody("Second Holder");
        second.put("memberNumber", number);

        teller.post("/api/v1/members", second).isProblem(409, "MEMBER_NUMBER_TAKEN");
    }

    @Test
    void concurrentRegistrationsOfOneMemberNumberLetExactlyOneThrough() throws Exception {
        String number = "C-" + Cooperative.shortId();
        int racers = 12;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(racers);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<LedgerClient.Response>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < racers; i++) {
            Map<String, Object> body = memberBody("Racer " + i);
            body.put("memberNumber", number);
            answers.add(pool.submit(() -> {
                start.await();
                return teller.post("/api/v1/members", body);
            }));
        }
        start.countDown();
        List<LedgerClient.Response> responses = new java.util.ArrayList<>();
        for (var answer : answers) {
            responses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        assertThat(responses).filteredOn(r -> r.status() != 201)
                .allSatisfy(r -> r.isProblem(409, "MEMBER_NUMBER_TAKEN"));
        Integer registered = jdbc.queryForObject(
                "SELECT count(*) FROM member_number_registry WHERE member_number = ?", Integer.class, number);
        assertThat(registered).isEqualTo(1);
    }

    @Test
    void anUnknownMemberIsNotFound() {
        teller.get("/api/v1/members/no-such-member").isProblem(404, "MEMBER_NOT_FOUND");
        teller.patch("/api/v1/members/no-such-member/contact", Map.of("phone", "+1555")).isProblem(404, "MEMBER_NOT_FOUND");
        teller.post("/api/v1/members/no-such-member/exit", Map.of("reason", "moved")).isProblem(404, "MEMBER_NOT_FOUND");
        teller.post("/api/v1/members/no-such-member/share-purchases", Map.of("shares", 1), LedgerClient.newKey())
                .isProblem(404, "MEMBER_NOT_FOUND");
    }

    @Test
    void invalidRegistrationsAreRefusedAsValidationFailures() {
        Map<String, Object> longName = memberBody("n".repeat(201));
        Map<String, Object> longPhone = memberBody("Long Phone");
        longPhone.put("phone", "1".repeat(33));
        Map<String, Object> passportWithoutNumber = memberBody("No Number");
        passportWithoutNumber.put("document", Map.of("type", "PASSPORT"));
        Map<String, Object> noneYetWithNumber = memberBody("Odd Document");
        noneYetWithNumber.put("document", Map.of("type", "NONE_YET", "number", "X1"));
        Map<String, Object> noName = memberBody("ignored");
        noName.remove("legalName");
        Map<String, Object> bornTomorrow = memberBody("Not Born Yet");
        bornTomorrow.put("dateOfBirth", "2999-01-01");
        Map<String, Object> badNumber = memberBody("Bad Number");
        badNumber.put("memberNumber", "no spaces allowed");

        for (Map<String, Object> body : List.of(longName, longPhone, passportWithoutNumber, noneYetWithNumber, noName,
                bornTomorrow, badNumber)) {
            teller.post("/api/v1/members", body).isProblem(400, "VALIDATION_FAILED");
        }
    }

    @Test
    void anUnknownSegmentIsAMalformedRequest() {
        Map<String, Object> body = memberBody("Wrong Segment");
        body.put("segment", "TOURIST");

        teller.post("/api/v1/members", body).isProblem(400);
    }

    @Test
    void aContactChangeKeepsTheOtherField() {
        String memberId = coop.registerMember(teller);

        teller.patch("/api/v1/members/" + memberId + "/contact", Map.of("phone", "+962790000099")).hasStatus(204);

        JsonNode member = Cooperative.awaitRead(teller, "/api/v1/members/" + memberId,
                m -> "+962790000099".equals(m.path("phone").asText()));
        assertThat(member.path("address").asText()).isEqualTo("Amman");
        teller.patch("/api/v1/members/" + memberId + "/contact", Map.of()).isProblem(400, "VALIDATION_FAILED");
    }

    @Test
    void aMemberWithAnOpenAccountCannotExitUntilItIsClosed() {
        String memberId = coop.registerMember(teller);
        String account = coop.openAccount(teller, memberId, "JOD");

        teller.post("/api/v1/members/" + memberId + "/exit", Map.of("reason", "moving away"))
                .isProblem(422, "MEMBER_HAS_OPEN_ACCOUNTS");
        teller.post("/api/v1/savings-accounts/" + account + "/closure", Map.of()).hasStatus(200);
        LedgerClient.Response exited = teller.post("/api/v1/members/" + memberId + "/exit", Map.of("reason", "moving away"))
                .hasStatus(200);

        assertThat(exited.text("status")).isEqualTo("EXITED");
        Cooperative.awaitRead(teller, "/api/v1/members/" + memberId, m -> "EXITED".equals(m.path("status").asText()));
        teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "JOD"))
                .isProblem(422, "MEMBER_NOT_ACTIVE");
    }
}

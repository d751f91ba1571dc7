package org.coopledger.api.walkthrough;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative.AccountSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.memberBody;
import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/** Who may do what: auditors read everything and write nothing; tellers keep to the counter. */
class RoleRightsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String member;
    String account;
    String other;

    @BeforeEach
    void aMemberWithTwoAccounts() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        member = coop.registerMember(teller);
        account = coop.fundedAccount(teller, member, "10.000", "JOD");
        other = coop.openAccount(teller, member, "JOD");
        teller.post("/api/v1/members/" + member + "/share-purchases", Map.of("shares", 1), newKey()).hasStatus(201);
        Cooperative.awaitBalance(teller, account, "10.000");
    }

    @Test
    void anAuditorReadsEverything() {
        LedgerClient auditor = coop.newStaff("AUDITOR");
        String path = "/api/v1/savings-accounts/" + account;

        Cooperative.awaitRead(auditor, "/api/v1/members/" + member, m -> member.equals(m.path("memberId").asText()));
        assertThat(auditor.get(path).hasStatus(200).amount("balance")).isEqualTo("10.000");
        auditor.get(path + "/transactions").hasStatus(200);
        auditor.get(path + "/balance?asOf=2030-01-01").hasStatus(200);
        auditor.get("/api/v1/reports/trial-balance").hasStatus(200);
    }

    @Test
    void anAuditorWritesNothing() {
        LedgerClient auditor = coop.newStaff("AUDITOR");
        AccountSnapshot before = coop.settled(teller, account, "10.000");
        long memberEvents = coop.events(member);
        String path = "/api/v1/savings-accounts/" + account;

        auditor.post("/api/v1/members", memberBody("Audit Probe")).isProblem(403);
        auditor.patch("/api/v1/members/" + member + "/contact", Map.of("phone", "+1555")).isProblem(403);
        auditor.post("/api/v1/members/" + member + "/exit", Map.of("reason", "probe")).isProblem(403);
        auditor.post("/api/v1/members/" + member + "/share-purchases", Map.of("shares", 1), newKey()).isProblem(403);
        auditor.post("/api/v1/members/" + member + "/share-redemptions", Map.of("shares", 1), newKey()).isProblem(403);
        auditor.post("/api/v1/savings-products", Map.of("productCode", "AUDIT", "name", "Probe",
                "minimumBalance", money("0", "JOD"))).isProblem(403);
        auditor.post("/api/v1/savings-accounts", Map.of("memberId", member, "currency", "JOD")).isProblem(403);
        auditor.post(path + "/deposits", Map.of("amount", money("1.000", "JOD")), newKey()).isProblem(403);
        auditor.post(path + "/withdrawals", Map.of("amount", money("1.000", "JOD")), newKey()).isProblem(403);
        auditor.post(path + "/holds", Map.of("amount", money("1.000", "JOD"), "reason", "probe")).isProblem(403);
        auditor.post(path + "/holds/any/release", Map.of()).isProblem(403);
        auditor.post(path + "/closure", Map.of()).isProblem(403);
        auditor.post("/api/v1/transfers", Map.of("fromAccountId", account, "toAccountId", other,
                "amount", money("1.000", "JOD")), newKey()).isProblem(403);
        auditor.get("/api/v1/me").isProblem(403);

        coop.assertUnchanged(teller, account, before);
        assertThat(coop.events(member)).isEqualTo(memberEvents);
    }

    @Test
    void aTellerWorksTheCounterButDefinesNoProductsAndReadsNoReports() {
        LedgerClient anotherTeller = coop.newStaff("TELLER");

        anotherTeller.post("/api/v1/savings-products", Map.of("productCode", "TELLER-MADE", "name", "Probe",
                "minimumBalance", money("0", "JOD"))).isProblem(403);
        anotherTeller.get("/api/v1/reports/trial-balance").isProblem(403);
        coop.deposit(anotherTeller, account, "1.000", "JOD").hasStatus(201);
        Cooperative.awaitRead(anotherTeller, "/api/v1/members/" + member, m -> m.path("sharesHeld").asInt() == 1);
    }

    @Test
    void aManagerReadsAndHoldsButRecordsNoCash() {
        LedgerClient manager = coop.newStaff("MANAGER");

        manager.get("/api/v1/savings-accounts/" + account).hasStatus(200);
        manager.get("/api/v1/reports/trial-balance").hasStatus(200);
        coop.deposit(manager, account, "1.000", "JOD").isProblem(403);
        manager.post("/api/v1/members", memberBody("Manager Probe")).isProblem(403);
    }

    @Test
    void anAdminDefinesProductsButRecordsNoCash() {
        coop.deposit(coop.admin(), account, "1.000", "JOD").isProblem(403);
    }

    @Test
    void anAnonymousCallerIsAskedToAuthenticate() {
        LedgerClient nobody = LedgerClient.anonymous(port);

        assertThat(nobody.get("/api/v1/savings-accounts/" + account).status()).isEqualTo(401);
        assertThat(coop.deposit(nobody, account, "1.000", "JOD").status()).isEqualTo(401);
    }
}

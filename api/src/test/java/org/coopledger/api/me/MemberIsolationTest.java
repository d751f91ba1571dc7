package org.coopledger.api.me;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.coopledger.api.walkthrough.Cooperative.AccountSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/**
 * A member sees their own data and nothing else: another member's ids answer 404 exactly like
 * ids that do not exist, and a member changes nothing but by transfers out of their own account.
 */
class MemberIsolationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String amina;
    String aminasAccount;
    String omar;
    String omarsAccount;
    LedgerClient aminaUser;

    @BeforeEach
    void twoMembersOneOfWhomLogsIn() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        amina = coop.registerMember(teller);
        aminasAccount = coop.fundedAccount(teller, amina, "40.000", "JOD");
        omar = coop.registerMember(teller);
        omarsAccount = coop.fundedAccount(teller, omar, "70.000", "JOD");
        aminaUser = coop.newMemberUser(amina);
        Cooperative.awaitBalance(teller, aminasAccount, "40.000");
        Cooperative.awaitBalance(teller, omarsAccount, "70.000");
    }

    @Test
    void aMemberReadsTheirOwnRecordAccountStatementAndBalance() {
        String account = "/api/v1/savings-accounts/" + aminasAccount;

        Cooperative.awaitRead(aminaUser, "/api/v1/members/" + amina, m -> amina.equals(m.path("memberId").asText()));
        assertThat(aminaUser.get(account).hasStatus(200).amount("balance")).isEqualTo("40.000");
        assertThat(aminaUser.get(account + "/transactions").hasStatus(200).json().path("lines")).hasSize(1);
        assertThat(aminaUser.get(account + "/balance").hasStatus(200).amount("balance")).isEqualTo("40.000");
    }

    @Test
    void anotherMembersRecordsAnswerNotFoundLikeUnknownIds() {
        String account = "/api/v1/savings-accounts/" + omarsAccount;

        aminaUser.get("/api/v1/members/" + omar).isProblem(404, "MEMBER_NOT_FOUND");
        aminaUser.get(account).isProblem(404, "ACCOUNT_NOT_FOUND");
        aminaUser.get(account + "/transactions").isProblem(404, "ACCOUNT_NOT_FOUND");
        aminaUser.get(account + "/balance?asOf=2030-01-01").isProblem(404, "ACCOUNT_NOT_FOUND");
        LedgerClient.Response unknown = aminaUser.get("/api/v1/savings-accounts/no-such-account").isProblem(404, "ACCOUNT_NOT_FOUND");
        LedgerClient.Response others = aminaUser.get(account).isProblem(404, "ACCOUNT_NOT_FOUND");
        assertThat(others.text("detail")).isEqualTo(unknown.text("detail"));
    }

    @Test
    void meShowsTheMembersOwnRecordAndAccountsOnly() {
        JsonNode me = Cooperative.awaitRead(aminaUser, "/api/v1/me",
                body -> body.path("accounts").size() == 1);

        assertThat(me.path("member").path("memberId").asText()).isEqualTo(amina);
        assertThat(me.path("accounts").get(0).path("accountId").asText()).isEqualTo(aminasAccount);
        assertThat(me.path("accounts").get(0).path("balance").path("amount").asText()).isEqualTo("40.000");
        assertThat(me.path("loans").isArray()).isTrue();
        assertThat(me.toString()).doesNotContain(omar).doesNotContain(omarsAccount);
    }

    @Test
    void aMemberCannotTransferOutOfAnotherMembersAccount() {
        AccountSnapshot omarsBefore = coop.settled(teller, omarsAccount, "70.000");
        AccountSnapshot aminasBefore = coop.settled(teller, aminasAccount, "40.000");

        aminaUser.post("/api/v1/transfers", Map.of("fromAccountId", omarsAccount, "toAccountId", aminasAccount,
                "amount", money("70.000", "JOD")), newKey()).isProblem(404, "ACCOUNT_NOT_FOUND");

        coop.assertUnchanged(teller, omarsAccount, omarsBefore);
        coop.assertUnchanged(teller, aminasAccount, aminasBefore);
    }

    @Test
    void aMemberTransfersFromTheirOwnAccountWithoutSeeingTheOtherBalance() {
        LedgerClient.Response reply = aminaUser.post("/api/v1/transfers", Map.of("fromAccountId", aminasAccount,
                "toAccountId", omarsAccount, "amount", money("15.000", "JOD")), newKey()).hasStatus(201);

        assertThat(reply.amount("fromBalance")).isEqualTo("25.000");
        assertThat(reply.json().has("toBalance")).isFalse();
        assertThat(reply.json().toString()).doesNotContain("85.000");
        Cooperative.awaitBalance(teller, omarsAccount, "85.000");
    }

    @Test
    void aMemberCannotRecordCashNorRegisterNorOpen() {
        AccountSnapshot before = coop.settled(teller, aminasAccount, "40.000");
        String account = "/api/v1/savings-accounts/" + aminasAccount;

        aminaUser.post(account + "/deposits", Map.of("amount", money("1.000", "JOD")), newKey()).isProblem(403);
        aminaUser.post(account + "/withdrawals", Map.of("amount", money("1.000", "JOD")), newKey()).isProblem(403);
        aminaUser.post(account + "/holds", Map.of("amount", money("1.000", "JOD"), "reason", "r")).isProblem(403);
        aminaUser.post(account + "/closure", Map.of()).isProblem(403);
        aminaUser.post("/api/v1/savings-accounts", Map.of("memberId", amina, "currency", "JOD")).isProblem(403);
        aminaUser.post("/api/v1/members", Cooperative.memberBody("Someone Else")).isProblem(403);
        aminaUser.post("/api/v1/members/" + amina + "/share-purchases", Map.of("shares", 1), newKey()).isProblem(403);
        aminaUser.get("/api/v1/reports/trial-balance").isProblem(403);

        coop.assertUnchanged(teller, aminasAccount, before);
    }

    @Test
    void meIsForMembersOnly() {
        teller.get("/api/v1/me").isProblem(403);
    }
}

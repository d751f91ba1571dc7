package org.coopledger.api.members;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/** Shares are bought and paid back at the configured nominal price (10.00 USD by default). */
class SharesTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String memberId;
    String purchases;
    String redemptions;

    @BeforeEach
    void aMember() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        memberId = coop.registerMember(teller);
        purchases = "/api/v1/members/" + memberId + "/share-purchases";
        redemptions = "/api/v1/members/" + memberId + "/share-redemptions";
    }

    @Test
    void boughtAndRedeemedSharesChangeTheHoldingAtTheNominalPrice() {
        LedgerClient.Response bought = teller.post(purchases, Map.of("shares", 3, "tillId", "TILL-1"), newKey()).hasStatus(201);

        assertThat(bought.json().path("sharesHeld").asInt()).isEqualTo(3);
        assertThat(bought.amount("shareCapital")).isEqualTo("30.00");
        assertThat(bought.json().path("shareCapital").path("currency").asText()).isEqualTo("USD");
        assertThat(bought.text("transactionId")).isNotBlank();

        LedgerClient.Response redeemed = teller.post(redemptions, Map.of("shares", 1), newKey()).hasStatus(201);

        assertThat(redeemed.json().path("sharesHeld").asInt()).isEqualTo(2);
        assertThat(redeemed.amount("shareCapital")).isEqualTo("20.00");
        Cooperative.awaitRead(teller, "/api/v1/members/" + memberId, m -> m.path("sharesHeld").asInt() == 2);
    }

    @Test
    void redeemingMoreSharesThanHeldIsRefused() {
        teller.post(purchases, Map.of("shares", 2), newKey()).hasStatus(201);
        long events = coop.events(memberId);

        teller.post(redemptions, Map.of("shares", 3), newKey()).isProblem(422, "INSUFFICIENT_SHARES");

        assertThat(coop.events(memberId)).isEqualTo(events);
    }

    @Test
    void aShareCountMustBeAWholeNumberInRange() {
        long events = coop.events(memberId);

        Cooperative.postRaw(teller, purchases, "{\"shares\": 2.5}", newKey()).isProblem(400);
        Cooperative.postRaw(teller, purchases, "{\"shares\": \"2\"}", newKey()).isProblem(400);
        teller.post(purchases, Map.of("shares", 0), newKey()).isProblem(400, "VALIDATION_FAILED");
        teller.post(purchases, Map.of("shares", 100_001), newKey()).isProblem(400, "VALIDATION_FAILED");
        teller.post(purchases, Map.of("shares", 1)).isProblem(400);

        assertThat(coop.events(memberId)).isEqualTo(events);
    }

    @Test
    void aMemberHoldingSharesCannotExit() {
        teller.post(purchases, Map.of("shares", 1), newKey()).hasStatus(201);

        teller.post("/api/v1/members/" + memberId + "/exit", Map.of("reason", "leaving"))
                .isProblem(422, "MEMBER_HOLDS_SHARES");
        teller.post(redemptions, Map.of("shares", 1), newKey()).hasStatus(201);
        teller.post("/api/v1/members/" + memberId + "/exit", Map.of("reason", "leaving")).hasStatus(200);
    }
}

package org.coopledger.api.savings;

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

/** A hold blocks part of the balance (a guarantee) until it is released. */
class HoldTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String account;
    String holds;

    @BeforeEach
    void anAccountWithOneHundredDollars() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        account = coop.fundedAccount(teller, coop.registerMember(teller), "100.00", "USD");
        holds = "/api/v1/savings-accounts/" + account + "/holds";
    }

    @Test
    void aHoldLowersTheAvailableBalanceAndItsReleaseRestoresIt() {
        LedgerClient.Response placed = teller.post(holds, Map.of("holdId", "guarantee-1", "amount", money("60.00", "USD"),
                "reason", "guarantee for a loan")).hasStatus(201);
        assertThat(placed.text("holdId")).isEqualTo("guarantee-1");
        Cooperative.awaitRead(teller, "/api/v1/savings-accounts/" + account,
                view -> "40.00".equals(view.path("available").path("amount").asText())
                        && "60.00".equals(view.path("held").path("amount").asText()));

        teller.post(holds + "/guarantee-1/release", Map.of()).hasStatus(200);

        Cooperative.awaitRead(teller, "/api/v1/savings-accounts/" + account,
                view -> "100.00".equals(view.path("available").path("amount").asText()));
    }

    @Test
    void heldMoneyCannotBeWithdrawnNorTheAccountClosed() {
        teller.post(holds, Map.of("amount", money("60.00", "USD"), "reason", "guarantee")).hasStatus(201);
        AccountSnapshot before = coop.settled(teller, account, "100.00");

        coop.withdraw(teller, account, "40.01", "USD").isProblem(422, "INSUFFICIENT_FUNDS");

        coop.assertUnchanged(teller, account, before);
        teller.post("/api/v1/savings-accounts/" + account + "/closure", Map.of()).isProblem(422, "ACCOUNT_HAS_HOLDS");
        coop.withdraw(teller, account, "40.00", "USD").hasStatus(201);
    }

    @Test
    void aHoldIdIsUsedOnceAndOnlyAnExistingHoldIsReleased() {
        Map<String, Object> hold = Map.of("holdId", "lien-7", "amount", money("10.00", "USD"), "reason", "lien");
        teller.post(holds, hold).hasStatus(201);

        teller.post(holds, hold).isProblem(422, "DUPLICATE_HOLD");
        teller.post(holds + "/no-such-hold/release", Map.of()).isProblem(404, "HOLD_NOT_FOUND");
    }

    @Test
    void aHoldAboveTheAvailableBalanceIsRefused() {
        AccountSnapshot before = coop.settled(teller, account, "100.00");

        teller.post(holds, Map.of("amount", money("100.01", "USD"), "reason", "too much")).isProblem(422, "INSUFFICIENT_FUNDS");
        teller.post(holds, Map.of("amount", money("1.000", "USD"), "reason", "scale")).isProblem(400, "INVALID_AMOUNT_SCALE");
        teller.post(holds, Map.of("amount", money("1.00", "JOD"), "reason", "currency")).isProblem(422, "CURRENCY_MISMATCH");

        coop.assertUnchanged(teller, account, before);
    }

    @Test
    void aManagerMayPlaceAHold() {
        LedgerClient manager = coop.newStaff("MANAGER");

        manager.post(holds, Map.of("amount", money("5.00", "USD"), "reason", "committee decision")).hasStatus(201);
    }
}

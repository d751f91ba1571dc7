package org.coopledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/** Every movement is a balanced journal entry, so the trial balance nets to zero in every currency. */
class TrialBalanceTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theTrialBalanceIsZeroPerCurrencyAfterMixedActivityInDinarsAndDollars() {
        Cooperative coop = new Cooperative(port, jdbc);
        LedgerClient teller = coop.newStaff("TELLER");
        LedgerClient manager = coop.newStaff("MANAGER");
        BigDecimal savingsBefore = savingsCredits(manager.get("/api/v1/reports/trial-balance").hasStatus(200).json(), "JOD");
        String rania = coop.registerMember(teller);
        String yusuf = coop.registerMember(teller);
        String raniaJod = coop.fundedAccount(teller, rania, "300.000", "JOD");
        String yusufJod = coop.fundedAccount(teller, yusuf, "20.000", "JOD");
        String raniaUsd = coop.fundedAccount(teller, rania, "150.00", "USD");
        coop.withdraw(teller, raniaJod, "45.125", "JOD").hasStatus(201);
        coop.withdraw(teller, raniaUsd, "0.01", "USD").hasStatus(201);
        teller.post("/api/v1/transfers", Map.of("fromAccountId", raniaJod, "toAccountId", yusufJod,
                "amount", money("100.000", "JOD")), newKey()).hasStatus(201);
        teller.post("/api/v1/members/" + yusuf + "/share-purchases", Map.of("shares", 4), newKey()).hasStatus(201);
        // 300 + 20 deposited and 100 transferred in: credits to member savings in dinars.
        BigDecimal expectedCredits = savingsBefore.add(new BigDecimal("420.000"));

        JsonNode trialBalance = Cooperative.awaitRead(manager, "/api/v1/reports/trial-balance",
                tb -> savingsCredits(tb, "JOD").compareTo(expectedCredits) >= 0 && hasAccount(tb, "3000", "USD"));

        assertThat(trialBalance.path("balanced").asBoolean()).isTrue();
        trialBalance.path("netByCurrency").fields().forEachRemaining(net ->
                assertThat(new BigDecimal(net.getValue().asText())).as(net.getKey()).isZero());
        assertThat(trialBalance.path("netByCurrency").has("JOD")).isTrue();
        assertThat(trialBalance.path("netByCurrency").has("USD")).isTrue();
        for (JsonNode line : trialBalance.path("lines")) {
            BigDecimal debits = new BigDecimal(line.path("debits").path("amount").asText());
            BigDecimal credits = new BigDecimal(line.path("credits").path("amount").asText());
            assertThat(new BigDecimal(line.path("balance").path("amount").asText()))
                    .isEqualByComparingTo(debits.subtract(credits));
            assertThat(line.path("balance").path("currency").asText()).isEqualTo(line.path("currency").asText());
            assertThat(line.path("accountName").asText()).isNotBlank();
        }
    }

    @Test
    void theTrialBalanceBeforeAnyBookingIsEmptyAndBalanced() {
        LedgerClient auditor = new Cooperative(port, jdbc).newStaff("AUDITOR");

        JsonNode trialBalance = auditor.get("/api/v1/reports/trial-balance?asOf=2000-01-01").hasStatus(200).json();

        assertThat(trialBalance.path("lines")).isEmpty();
        assertThat(trialBalance.path("balanced").asBoolean()).isTrue();
        assertThat(trialBalance.path("asOf").asText()).isEqualTo("2000-01-01");
    }

    @Test
    void tellersDoNotReadTheTrialBalance() {
        LedgerClient teller = new Cooperative(port, jdbc).newStaff("TELLER");

        teller.get("/api/v1/reports/trial-balance").isProblem(403);
    }

    private static BigDecimal savingsCredits(JsonNode trialBalance, String currency) {
        for (JsonNode line : trialBalance.path("lines")) {
            if ("2000".equals(line.path("accountCode").asText()) && currency.equals(line.path("currency").asText())) {
                return new BigDecimal(line.path("credits").path("amount").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private static boolean hasAccount(JsonNode trialBalance, String code, String currency) {
        for (JsonNode line : trialBalance.path("lines")) {
            if (code.equals(line.path("accountCode").asText()) && currency.equals(line.path("currency").asText())) {
                return true;
            }
        }
        return false;
    }
}

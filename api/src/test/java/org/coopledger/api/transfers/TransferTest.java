package org.coopledger.api.transfers;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.coopledger.api.walkthrough.Cooperative.AccountSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/** Transfers by a teller between two members' accounts; a refused transfer leaves both accounts as they were. */
class TransferTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String source;
    String destination;

    @BeforeEach
    void twoMembersWithDinarAccounts() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        source = coop.fundedAccount(teller, coop.registerMember(teller), "80.000", "JOD");
        destination = coop.fundedAccount(teller, coop.registerMember(teller), "5.000", "JOD");
    }

    @Test
    void aTellerTransferAnswersBothBalancesAndMovesTheMoney() {
        LedgerClient.Response reply = transfer(source, destination, "30.500", "JOD").hasStatus(201);

        assertThat(reply.text("fromAccountId")).isEqualTo(source);
        assertThat(reply.text("toAccountId")).isEqualTo(destination);
        assertThat(reply.amount("amount")).isEqualTo("30.500");
        assertThat(reply.amount("fromBalance")).isEqualTo("49.500");
        assertThat(reply.amount("toBalance")).isEqualTo("35.500");
        Cooperative.awaitBalance(teller, source, "49.500");
        Cooperative.awaitBalance(teller, destination, "35.500");
    }

    @Test
    void aTransferToAnAccountInAnotherCurrencyIsRefused() {
        String dollars = coop.fundedAccount(teller, coop.registerMember(teller), "5.00", "USD");
        AccountSnapshot sourceBefore = coop.settled(teller, source, "80.000");
        AccountSnapshot dollarsBefore = coop.settled(teller, dollars, "5.00");

        transfer(source, dollars, "1.000", "JOD").isProblem(422, "CURRENCY_MISMATCH");
        transfer(dollars, source, "1.00", "USD").isProblem(422, "CURRENCY_MISMATCH");

        coop.assertUnchanged(teller, source, sourceBefore);
        coop.assertUnchanged(teller, dollars, dollarsBefore);
    }

    @Test
    void anAmountInAnotherCurrencyThanBothAccountsIsRefused() {
        AccountSnapshot before = coop.settled(teller, source, "80.000");

        transfer(source, destination, "1.00", "USD").isProblem(422, "CURRENCY_MISMATCH");

        coop.assertUnchanged(teller, source, before);
    }

    @Test
    void aTransferToTheSameAccountIsRefused() {
        AccountSnapshot before = coop.settled(teller, source, "80.000");

        transfer(source, source, "1.000", "JOD").isProblem(422, "SAME_ACCOUNT_TRANSFER");

        coop.assertUnchanged(teller, source, before);
    }

    @Test
    void aTransferAboveTheAvailableBalanceIsRefusedOnBothSides() {
        AccountSnapshot sourceBefore = coop.settled(teller, source, "80.000");
        AccountSnapshot destinationBefore = coop.settled(teller, destination, "5.000");

        transfer(source, destination, "80.001", "JOD").isProblem(422, "INSUFFICIENT_FUNDS");

        coop.assertUnchanged(teller, source, sourceBefore);
        coop.assertUnchanged(teller, destination, destinationBefore);
    }

    /**
     * The source leg is applied first in memory, then the closed destination refuses its leg:
     * the whole unit of work rolls back, as it would if the process died between the legs.
     */
    @Test
    void aTransferWhoseSecondLegFailsLeavesTheFirstUnposted() {
        String closed = coop.openAccount(teller, coop.registerMember(teller), "JOD");
        teller.post("/api/v1/savings-accounts/" + closed + "/closure", Map.of()).hasStatus(200);
        AccountSnapshot sourceBefore = coop.settled(teller, source, "80.000");

        transfer(source, closed, "10.000", "JOD").isProblem(422, "ACCOUNT_NOT_ACTIVE");

        coop.assertUnchanged(teller, source, sourceBefore);
        assertThat(coop.events(closed)).isEqualTo(2);
    }

    @Test
    void aTransferToOrFromAnUnknownAccountIsRefused() {
        AccountSnapshot before = coop.settled(teller, source, "80.000");

        transfer(source, "no-such-account", "1.000", "JOD").isProblem(404, "ACCOUNT_NOT_FOUND");
        transfer("no-such-account", source, "1.000", "JOD").isProblem(404, "ACCOUNT_NOT_FOUND");

        coop.assertUnchanged(teller, source, before);
    }

    @Test
    void aTransferWithoutKeyOrWithInvalidFieldsIsRefused() {
        AccountSnapshot before = coop.settled(teller, source, "80.000");
        Map<String, Object> body = new LinkedHashMap<>(Map.of("fromAccountId", source, "toAccountId", destination,
                "amount", money("1.000", "JOD")));

        teller.post("/api/v1/transfers", body).isProblem(400);
        body.put("reference", "x".repeat(141));
        teller.post("/api/v1/transfers", body, newKey()).isProblem(400, "VALIDATION_FAILED");
        transfer(source, destination, "0.0001", "JOD").isProblem(400, "INVALID_AMOUNT_SCALE");
        transfer(source, destination, "-1.000", "JOD").isProblem(400, "INVALID_AMOUNT");

        coop.assertUnchanged(teller, source, before);
    }

    private LedgerClient.Response transfer(String from, String to, String amount, String currency) {
        return teller.post("/api/v1/transfers", Map.of("fromAccountId", from, "toAccountId", to,
                "amount", money(amount, currency)), newKey());
    }
}

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
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/** The business rules of a savings account as the HTTP API answers them; a refusal changes nothing. */
class AccountRulesTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String member;
    String account;

    @BeforeEach
    void aMemberWithFiftyDinars() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        member = coop.registerMember(teller);
        account = coop.fundedAccount(teller, member, "50.000", "JOD");
    }

    @Test
    void aWithdrawalAboveTheBalanceIsRefusedAsInsufficientFunds() {
        AccountSnapshot before = coop.settled(teller, account, "50.000");

        coop.withdraw(teller, account, "50.001", "JOD").isProblem(422, "INSUFFICIENT_FUNDS");

        coop.assertUnchanged(teller, account, before);
    }

    @Test
    void aWithdrawalOfTheWholeBalanceIsAllowedAndAnswersTheNewBalance() {
        LedgerClient.Response reply = coop.withdraw(teller, account, "50.000", "JOD").hasStatus(201);

        assertThat(reply.amount("balance")).isEqualTo("0.000");
        assertThat(reply.amount("available")).isEqualTo("0.000");
        assertThat(reply.text("transactionId")).isNotBlank();
    }

    @Test
    void aDepositInAnotherCurrencyIsRefusedAsCurrencyMismatch() {
        AccountSnapshot before = coop.settled(teller, account, "50.000");

        coop.deposit(teller, account, "10.00", "USD").isProblem(422, "CURRENCY_MISMATCH");
        coop.withdraw(teller, account, "10.00", "USD").isProblem(422, "CURRENCY_MISMATCH");

        coop.assertUnchanged(teller, account, before);
    }

    @Test
    void anUnknownAccountIsNotFoundForReadsAndWrites() {
        String unknown = "no-such-account-" + Cooperative.shortId();

        teller.get("/api/v1/savings-accounts/" + unknown).isProblem(404, "ACCOUNT_NOT_FOUND");
        teller.get("/api/v1/savings-accounts/" + unknown + "/transactions").isProblem(404, "ACCOUNT_NOT_FOUND");
        teller.get("/api/v1/savings-accounts/" + unknown + "/balance").isProblem(404, "ACCOUNT_NOT_FOUND");
        coop.deposit(teller, unknown, "1.000", "JOD").isProblem(404, "ACCOUNT_NOT_FOUND");
        coop.withdraw(teller, unknown, "1.000", "JOD").isProblem(404, "ACCOUNT_NOT_FOUND");
        teller.post("/api/v1/savings-accounts/" + unknown + "/closure", Map.of()).isProblem(404, "ACCOUNT_NOT_FOUND");

        assertThat(coop.events(unknown)).isZero();
    }

    @Test
    void aMemberIdIsNeverAcceptedAsAnAccountIdNorTheOtherWayRound() {
        long memberEvents = coop.events(member);
        long accountEvents = coop.events(account);

        coop.deposit(teller, member, "1.000", "JOD").isProblem(404, "ACCOUNT_NOT_FOUND");
        coop.withdraw(teller, member, "1.000", "JOD").isProblem(404, "ACCOUNT_NOT_FOUND");
        teller.post("/api/v1/savings-accounts/" + member + "/holds", Map.of("amount", money("1.000", "JOD"),
                "reason", "probe")).isProblem(404, "ACCOUNT_NOT_FOUND");
        teller.get("/api/v1/savings-accounts/" + member).isProblem(404, "ACCOUNT_NOT_FOUND");
        teller.post("/api/v1/members/" + account + "/share-purchases", Map.of("shares", 1), newKey())
                .isProblem(404, "MEMBER_NOT_FOUND");
        teller.post("/api/v1/members/" + account + "/exit", Map.of("reason", "probe")).isProblem(404, "MEMBER_NOT_FOUND");

        assertThat(coop.events(member)).isEqualTo(memberEvents);
        assertThat(coop.events(account)).isEqualTo(accountEvents);
    }

    @Test
    void anAccountWithMoneyCannotBeClosed() {
        AccountSnapshot before = coop.settled(teller, account, "50.000");

        teller.post("/api/v1/savings-accounts/" + account + "/closure", Map.of()).isProblem(422, "ACCOUNT_BALANCE_NOT_ZERO");

        coop.assertUnchanged(teller, account, before);
    }

    @Test
    void anEmptiedAccountClosesAndThenRefusesDeposits() {
        coop.withdraw(teller, account, "50.000", "JOD").hasStatus(201);

        LedgerClient.Response closed = teller.post("/api/v1/savings-accounts/" + account + "/closure", Map.of()).hasStatus(200);

        assertThat(closed.text("status")).isEqualTo("CLOSED");
        Cooperative.awaitRead(teller, "/api/v1/savings-accounts/" + account,
                view -> "CLOSED".equals(view.path("status").asText()));
        coop.deposit(teller, account, "1.000", "JOD").isProblem(422, "ACCOUNT_NOT_ACTIVE");
    }

    @Test
    void anAccountForAnUnknownMemberIsRefused() {
        teller.post("/api/v1/savings-accounts", Map.of("memberId", "no-such-member", "currency", "JOD"))
                .isProblem(404, "MEMBER_NOT_FOUND");
    }

    @Test
    void anAccountNeedsExactlyOneOfProductAndCurrency() {
        teller.post("/api/v1/savings-accounts", Map.of("memberId", member))
                .isProblem(400, "VALIDATION_FAILED");
        teller.post("/api/v1/savings-accounts", Map.of("memberId", member, "currency", "JOD", "productCode", "VOL"))
                .isProblem(400, "VALIDATION_FAILED");
        teller.post("/api/v1/savings-accounts", Map.of("memberId", member, "currency", "ZZZ"))
                .isProblem(400, "UNKNOWN_CURRENCY");
        teller.post("/api/v1/savings-accounts", Map.of("memberId", member, "productCode", "NO-SUCH-PRODUCT"))
                .isProblem(404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void aProductsMinimumBalanceStaysInTheAccount() {
        String code = "MIN-" + Cooperative.shortId().toUpperCase();
        coop.admin().post("/api/v1/savings-products",
                Map.of("productCode", code, "name", "Compulsory savings", "minimumBalance", money("20.000", "JOD")))
                .hasStatus(201);
        String compulsory = teller.post("/api/v1/savings-accounts", Map.of("memberId", member, "productCode", code))
                .hasStatus(201).text("accountId");
        coop.deposit(teller, compulsory, "30.000", "JOD").hasStatus(201);
        AccountSnapshot before = coop.settled(teller, compulsory, "30.000");

        coop.withdraw(teller, compulsory, "10.001", "JOD").isProblem(422, "INSUFFICIENT_FUNDS");

        coop.assertUnchanged(teller, compulsory, before);
        assertThat(before.account().path("minimumBalance").path("amount").asText()).isEqualTo("20.000");
        assertThat(before.account().path("available").path("amount").asText()).isEqualTo("10.000");
        assertThat(before.account().path("productCode").asText()).isEqualTo(code);
    }

    @Test
    void aProductCodeIsDefinedOnlyOnce() {
        String code = "ONCE-" + Cooperative.shortId().toUpperCase();
        Map<String, Object> product = Map.of("productCode", code, "name", "Voluntary", "minimumBalance", money("0", "USD"));
        coop.admin().post("/api/v1/savings-products", product).hasStatus(201);

        coop.admin().post("/api/v1/savings-products", product).isProblem(409, "PRODUCT_ALREADY_EXISTS");
    }

    @Test
    void overlongAndMalformedInputIsAValidationFailure() {
        AccountSnapshot before = coop.settled(teller, account, "50.000");
        String path = "/api/v1/savings-accounts/" + account;

        teller.post(path + "/deposits", Map.of("amount", money("1.000", "JOD"), "reference", "r".repeat(141)), newKey())
                .isProblem(400, "VALIDATION_FAILED");
        teller.post(path + "/deposits", Map.of("amount", money("1.000", "JOD"), "tillId", "t".repeat(65)), newKey())
                .isProblem(400, "VALIDATION_FAILED");
        coop.deposit(teller, "a".repeat(65), "1.000", "JOD").isProblem(400, "VALIDATION_FAILED");
        teller.get(path + "/transactions?limit=501").isProblem(400, "VALIDATION_FAILED");
        teller.get(path + "/transactions?limit=0").isProblem(400, "VALIDATION_FAILED");
        teller.get(path + "/transactions?from=2026-02-01&to=2026-01-01").isProblem(400, "VALIDATION_FAILED");
        teller.get(path + "/balance?asOf=yesterday").isProblem(400);

        coop.assertUnchanged(teller, account, before);
    }
}

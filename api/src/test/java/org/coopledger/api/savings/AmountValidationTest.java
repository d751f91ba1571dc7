package org.coopledger.api.savings;

import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.coopledger.api.walkthrough.Cooperative.AccountSnapshot;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Map;

import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/**
 * Every amount that the one money parser refuses, sent to deposits and withdrawals: each answers
 * a problem with its stable code and leaves the account exactly as it was.
 */
class AmountValidationTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    Cooperative coop;
    LedgerClient teller;
    String jodAccount;
    String ugxAccount;

    @BeforeEach
    void accountsInDinarsAndShillings() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        String member = coop.registerMember(teller);
        jodAccount = coop.fundedAccount(teller, member, "100.000", "JOD");
        ugxAccount = coop.fundedAccount(teller, member, "5000", "UGX");
    }

    @ParameterizedTest(name = "deposit of \"{0}\" {1} is refused with {2}")
    @CsvSource({
            "1.0005, JOD, INVALID_AMOUNT_SCALE",
            "0, JOD, INVALID_AMOUNT",
            "0.000, JOD, INVALID_AMOUNT",
            "-5.000, JOD, INVALID_AMOUNT",
            "1e3, JOD, INVALID_AMOUNT",
            "12.5.0, JOD, INVALID_AMOUNT",
            "'', JOD, INVALID_AMOUNT",
            "5.000, ABC, UNKNOWN_CURRENCY",
            "5.000, jod, UNKNOWN_CURRENCY",
            "5.000, XXX, UNKNOWN_CURRENCY",
            "1000000000000, JOD, AMOUNT_TOO_LARGE",
            "123456789012345678901234567890, JOD, AMOUNT_TOO_LARGE",
            "123456789012345678901234567890123456789012345, JOD, AMOUNT_TOO_LARGE"})
    void aDepositWithAnInvalidAmountIsRefusedAndChangesNothing(String amount, String currency, String code) {
        AccountSnapshot before = coop.settled(teller, jodAccount, "100.000");

        coop.deposit(teller, jodAccount, amount, currency).isProblem(400, code);

        coop.assertUnchanged(teller, jodAccount, before);
    }

    @ParameterizedTest(name = "withdrawal of \"{0}\" {1} is refused with {2}")
    @CsvSource({
            "0.0001, JOD, INVALID_AMOUNT_SCALE",
            "-1.000, JOD, INVALID_AMOUNT",
            "1.000, EUR1, UNKNOWN_CURRENCY",
            "99999999999999999999999999999.999, JOD, AMOUNT_TOO_LARGE"})
    void aWithdrawalWithAnInvalidAmountIsRefusedAndChangesNothing(String amount, String currency, String code) {
        AccountSnapshot before = coop.settled(teller, jodAccount, "100.000");

        coop.withdraw(teller, jodAccount, amount, currency).isProblem(400, code);

        coop.assertUnchanged(teller, jodAccount, before);
    }

    @Test
    void shillingsHaveNoDecimalsSoTenAndAHalfIsRefused() {
        AccountSnapshot before = coop.settled(teller, ugxAccount, "5000");

        coop.deposit(teller, ugxAccount, "10.5", "UGX").isProblem(400, "INVALID_AMOUNT_SCALE");
        coop.withdraw(teller, ugxAccount, "10.5", "UGX").isProblem(400, "INVALID_AMOUNT_SCALE");

        coop.assertUnchanged(teller, ugxAccount, before);
    }

    @Test
    void anAmountSentAsAJsonNumberIsRefusedAsMalformed() {
        AccountSnapshot before = coop.settled(teller, jodAccount, "100.000");

        Cooperative.postRaw(teller, "/api/v1/savings-accounts/" + jodAccount + "/deposits",
                "{\"amount\":{\"amount\":125.5,\"currency\":\"JOD\"}}", newKey()).isProblem(400);
        Cooperative.postRaw(teller, "/api/v1/savings-accounts/" + jodAccount + "/deposits",
                "{\"amount\":{\"amount\":125,\"currency\":\"JOD\"}}", newKey()).isProblem(400);

        coop.assertUnchanged(teller, jodAccount, before);
    }

    @Test
    void aMissingAmountIsAValidationFailure() {
        AccountSnapshot before = coop.settled(teller, jodAccount, "100.000");

        teller.post("/api/v1/savings-accounts/" + jodAccount + "/deposits", Map.of("reference", "no amount"), newKey())
                .isProblem(400, "VALIDATION_FAILED");

        coop.assertUnchanged(teller, jodAccount, before);
    }

    @Test
    void aValidAmountWithTheCurrencysFullScaleIsAccepted() {
        coop.deposit(teller, jodAccount, "0.001", "JOD").hasStatus(201);
        teller.post("/api/v1/savings-accounts/" + ugxAccount + "/deposits", Map.of("amount", money("10", "UGX")), newKey())
                .hasStatus(201);

        Cooperative.awaitBalance(teller, jodAccount, "100.001");
        Cooperative.awaitBalance(teller, ugxAccount, "5010");
    }
}

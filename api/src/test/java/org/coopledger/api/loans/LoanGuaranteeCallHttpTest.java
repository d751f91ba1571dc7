package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/**
 * A manager calls a guarantee once the loan is past due: the pledge leaves the guarantor's savings
 * for the loan. The standard loan of 1,000.00 has one guarantee of 500.00 from an account of 600.00.
 */
class LoanGuaranteeCallHttpTest extends LoanIntegrationTest {

    String borrowerSavings;
    String guarantorSavings;
    LocalDate disbursedOn;
    String loanId;
    String calls;
    Map<String, String> body;

    @BeforeEach
    void aGuaranteedLoan() {
        Map<String, Object> terms = productBody(newProductCode());
        terms.put("requiredGuaranteeRate", "0.5");
        String product = defineProduct(terms);
        String borrower = coop.registerMember(teller);
        String guarantor = coop.registerMember(teller);
        borrowerSavings = coop.fundedAccount(teller, borrower, "10.00", USD);
        guarantorSavings = coop.fundedAccount(teller, guarantor, "600.00", USD);
        Cooperative.awaitBalance(teller, guarantorSavings, "600.00");
        disbursedOn = clock.today();
        loanId = activeLoan(borrower, product, List.of(guarantee(guarantor, guarantorSavings, "500.00")));
        calls = "/api/v1/loans/" + loanId + "/guarantee-calls";
        body = Map.of("savingsAccountId", guarantorSavings);
    }

    @Test
    void aGuaranteeIsCalledOnlyByAManagerOnlyWhenTheLoanIsPastDueAndOnlyOnce() {
        manager.post(calls, body, newKey()).isProblem(422, "LOAN_NOT_OVERDUE");
        teller.post(calls, body, newKey()).isProblem(403);
        manager.post(calls, body).isProblem(400, "IDEMPOTENCY_KEY_REQUIRED");
        long before = events(loanId);

        clock.moveTo(disbursedOn.plusMonths(1).plusDays(3));
        awaitLoan(teller, loanId, l -> l.path("daysPastDue").asInt() == 3);
        manager.post(calls, Map.of("savingsAccountId", borrowerSavings), newKey())
                .isProblem(404, "GUARANTEE_NOT_FOUND");
        assertThat(events(loanId)).isEqualTo(before);
        String key = newKey();
        LedgerClient.Response called = manager.post(calls, body, key).hasStatus(201);

        // Installment 1 (10.00 + 330.02), then 6.70 interest and 153.28 principal of installment 2.
        JsonNode call = called.json();
        assertThat(amount(call, "allocation", "total")).isEqualTo("500.00");
        assertThat(amount(call, "allocation", "interest")).isEqualTo("16.70");
        assertThat(amount(call, "allocation", "principal")).isEqualTo("483.30");
        assertThat(amount(call, "outstanding", "principal")).isEqualTo("516.70");
        assertThat(call.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(manager.post(calls, body, key).hasStatus(201).json()).isEqualTo(call);
        manager.post(calls, body, newKey()).isProblem(422, "GUARANTEE_ALREADY_CALLED");

        JsonNode loan = awaitLoan(teller, loanId, l -> "516.70".equals(amount(l, "outstanding", "principal")));
        assertThat(loan.path("daysPastDue").asInt()).as("installment 1 is paid").isZero();
        assertTrialBalanceZero();
    }

    /** Needs the savings projection to follow GuaranteeCallDebited (reporting/savings). */
    @Test
    void theGuarantorsAccountShowsThePledgeDebitedAndNoHoldLeft() {
        clock.moveTo(disbursedOn.plusMonths(1).plusDays(3));
        manager.post(calls, body, newKey()).hasStatus(201);

        JsonNode account = Cooperative.awaitRead(teller, "/api/v1/savings-accounts/" + guarantorSavings,
                a -> "100.00".equals(amount(a, "balance")));
        assertThat(amount(account, "held")).isEqualTo("0.00");
        assertThat(amount(account, "available")).isEqualTo("100.00");
        assertTrialBalanceZero();
    }
}

package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.testsupport.LedgerClient.newKey;
import static org.coopledger.api.walkthrough.Cooperative.money;

/**
 * One loan through the API from application to closure: maker-checker approval with compulsory
 * savings, disbursement into savings with a guarantor's hold, a repayment on time, one late (days
 * past due and a penalty in the loan and its schedule), the last one closing the loan and releasing
 * the guarantee; the trial balance nets to zero after every step.
 */
class LoanLifecycleHttpTest extends LoanIntegrationTest {

    @Test
    void aLoanFromApplicationThroughALateRepaymentToClosure() {
        Map<String, Object> terms = productBody(newProductCode());
        terms.put("requiredGuaranteeRate", "0.5");
        terms.put("compulsorySavingsRate", "0.10");
        String product = defineProduct(terms);
        String borrower = coop.registerMember(teller);
        String guarantor = coop.registerMember(teller);
        String borrowerSavings = coop.fundedAccount(teller, borrower, "200.00", USD);
        String guarantorSavings = coop.fundedAccount(teller, guarantor, "600.00", USD);
        LedgerClient makerManager = admin.newUser("TELLER", "MANAGER");

        // Application by a user who is also a manager: the maker still cannot be the checker.
        String loanId = apply(makerManager, borrower, product, "1000.00",
                List.of(guarantee(guarantor, guarantorSavings, "500.00"))).hasStatus(201).text("loanId");
        String loan = "/api/v1/loans/" + loanId;
        Map<String, String> compulsory = Map.of("compulsorySavingsAccountId", borrowerSavings);
        makerManager.post(loan + "/approval", compulsory).isProblem(422, "MAKER_CHECKER_VIOLATION");
        manager.post(loan + "/approval", null).isProblem(422, "INSUFFICIENT_COMPULSORY_SAVINGS");
        manager.post(loan + "/approval", compulsory).hasStatus(200);
        JsonNode approved = awaitLoan(teller, loanId, l -> "APPROVED".equals(l.path("status").asText()));
        assertThat(approved.path("submittedBy").asText()).isEqualTo(makerManager.username());
        assertThat(approved.path("approvedBy").asText()).isEqualTo(manager.username());

        // Disbursement into the borrower's savings; the guarantor's pledge is held from now on.
        LocalDate disbursedOn = clock.today();
        JsonNode disbursed = teller.post(loan + "/disbursement", Map.of("savingsAccountId", borrowerSavings),
                newKey()).hasStatus(201).json();
        assertThat(amount(disbursed, "netAmount")).isEqualTo("1000.00");
        assertThat(disbursed.path("schedule")).hasSize(3);
        assertThat(amount(disbursed.path("schedule").get(0), "total")).isEqualTo("340.02");
        assertThat(disbursed.path("schedule").get(2).path("dueDate").asText())
                .isEqualTo(disbursedOn.plusMonths(3).toString());
        Cooperative.awaitBalance(teller, borrowerSavings, "1200.00");
        awaitHeld(guarantorSavings, "500.00");
        JsonNode active = awaitLoan(teller, loanId, l -> "ACTIVE".equals(l.path("status").asText()));
        assertThat(amount(active, "outstanding", "principal")).isEqualTo("1000.00");
        assertThat(amount(active, "outstanding", "interest")).isEqualTo("20.07");
        assertThat(active.path("daysPastDue").asInt()).isZero();
        assertTrialBalanceZero();

        // First installment on its due date.
        clock.moveTo(disbursedOn.plusMonths(1));
        JsonNode first = repay(loanId, "340.02").hasStatus(201).json();
        assertThat(amount(first, "allocation", "interest")).isEqualTo("10.00");
        assertThat(amount(first, "allocation", "principal")).isEqualTo("330.02");
        assertThat(amount(first, "allocation", "penalty")).isEqualTo("0.00");
        assertThat(amount(first, "allocation", "fee")).isEqualTo("0.00");
        assertThat(amount(first, "outstanding", "principal")).isEqualTo("669.98");
        assertThat(first.path("status").asText()).isEqualTo("ACTIVE");
        assertTrialBalanceZero();

        // Second installment ten days late: days past due, then a penalty once the 5 days' tolerance is over.
        LocalDate secondDue = disbursedOn.plusMonths(2);
        clock.moveTo(secondDue.plusDays(10));
        awaitLoan(teller, loanId, l -> l.path("daysPastDue").asInt() == 10
                && "669.98".equals(amount(l, "outstanding", "principal")));
        JsonNode charged = manager.post(loan + "/penalty-charges", null).hasStatus(200).json();
        assertThat(amount(charged, "charged")).isEqualTo("6.80");
        assertThat(charged.path("daysPastDue").asInt()).isEqualTo(10);
        assertThat(amount(manager.post(loan + "/penalty-charges", null).hasStatus(200).json(), "charged"))
                .as("a period is charged once").isEqualTo("0.00");
        JsonNode late = awaitLoan(auditor, loanId, l -> "6.80".equals(amount(l, "outstanding", "penalty")));
        assertThat(late.path("daysPastDue").asInt()).isEqualTo(10);
        assertThat(late.path("asOf").asText()).isEqualTo(clock.today().toString());
        assertThat(amount(late, "outstanding", "interest")).isEqualTo("10.07");
        JsonNode schedule = awaitSchedule(teller, loanId,
                s -> "6.80".equals(amount(s.path("installments").get(1), "penalties")));
        JsonNode paidLine = schedule.path("installments").get(0);
        assertThat(amount(paidLine, "paid", "total")).isEqualTo("340.02");
        assertThat(amount(paidLine, "outstanding", "total")).isEqualTo("0.00");
        JsonNode lateLine = schedule.path("installments").get(1);
        assertThat(lateLine.path("dueDate").asText()).isEqualTo(secondDue.toString());
        assertThat(amount(lateLine, "outstanding", "penalties")).isEqualTo("6.80");
        assertThat(amount(lateLine, "outstanding", "total")).isEqualTo("346.82");

        // A guarantee's hold is the loan's (500.00 × 669.98 / 1,000.00, rounded up): no one releases it by hand.
        awaitHeld(guarantorSavings, "334.99");
        teller.post("/api/v1/savings-accounts/" + guarantorSavings + "/holds/loan:" + loanId + "/release", null)
                .isProblem(400, "VALIDATION_FAILED");
        assertThat(amount(teller.get("/api/v1/savings-accounts/" + guarantorSavings).hasStatus(200).json(), "held"))
                .isEqualTo("334.99");

        JsonNode second = repay(loanId, "346.82").hasStatus(201).json();
        assertThat(amount(second, "allocation", "penalty")).isEqualTo("6.80");
        assertThat(amount(second, "allocation", "interest")).isEqualTo("6.70");
        assertThat(amount(second, "allocation", "principal")).isEqualTo("333.32");
        awaitLoan(teller, loanId, l -> l.path("daysPastDue").asInt() == 0
                && "336.66".equals(amount(l, "outstanding", "principal")));
        // The pledge follows the principal still owed: 500.00 × 336.66 / 1,000.00, rounded up.
        awaitHeld(guarantorSavings, "168.33");
        assertTrialBalanceZero();

        // The last installment closes the loan; a cent more is refused by this product.
        clock.moveTo(disbursedOn.plusMonths(3));
        repay(loanId, "340.04").isProblem(422, "OVERPAYMENT_REFUSED");
        JsonNode last = repay(loanId, "340.03").hasStatus(201).json();
        assertThat(last.path("status").asText()).isEqualTo("CLOSED");
        assertThat(amount(last, "outstanding", "total")).isEqualTo("0.00");
        JsonNode closed = awaitLoan(teller, loanId, l -> "CLOSED".equals(l.path("status").asText()));
        assertThat(closed.path("closedOn").asText()).isEqualTo(clock.today().toString());
        assertThat(amount(closed, "outstanding", "total")).isEqualTo("0.00");
        JsonNode guarantorAccount = awaitHeld(guarantorSavings, "0.00");
        assertThat(amount(guarantorAccount, "available")).isEqualTo(amount(guarantorAccount, "balance"))
                .isEqualTo("600.00");
        assertTrialBalanceZero();
        repay(loanId, "1.00").isProblem(422, "LOAN_WRONG_STATE");
    }

    @Test
    void aRejectedOrWithdrawnApplicationCannotBeApproved() {
        String product = standardProduct();
        String borrower = coop.registerMember(teller);
        String rejected = apply(teller, borrower, product, "500.00", List.of()).hasStatus(201).text("loanId");
        String withdrawn = apply(teller, borrower, product, "500.00", List.of()).hasStatus(201).text("loanId");

        manager.post("/api/v1/loans/" + rejected + "/rejection", Map.of()).isProblem(400, "VALIDATION_FAILED");
        manager.post("/api/v1/loans/" + rejected + "/rejection", Map.of("reason", "income too irregular"))
                .hasStatus(200);
        teller.post("/api/v1/loans/" + withdrawn + "/withdrawal", null).hasStatus(200);

        manager.post("/api/v1/loans/" + rejected + "/approval", null).isProblem(422, "LOAN_WRONG_STATE");
        manager.post("/api/v1/loans/" + withdrawn + "/approval", null).isProblem(422, "LOAN_WRONG_STATE");
        awaitLoan(teller, rejected, l -> "REJECTED".equals(l.path("status").asText()));
        awaitLoan(teller, withdrawn, l -> "WITHDRAWN".equals(l.path("status").asText()));
        manager.post("/api/v1/loans/no-such-loan/approval", null).isProblem(404, "LOAN_NOT_FOUND");
        teller.post("/api/v1/loans/no-such-loan/withdrawal", null).isProblem(404, "LOAN_NOT_FOUND");
    }

    @Test
    void aWrittenOffLoanLeavesTheBooksThroughLoanLossAndRecoveriesComeBackAsIncome() {
        String loanId = activeLoan(coop.registerMember(teller), standardProduct(), List.of());
        String loan = "/api/v1/loans/" + loanId;

        teller.post(loan + "/write-off", Map.of("reason", "unreachable"), newKey()).isProblem(403);
        manager.post(loan + "/write-off", Map.of("reason", "unreachable")).isProblem(400, "IDEMPOTENCY_KEY_REQUIRED");
        JsonNode writtenOff = manager.post(loan + "/write-off", Map.of("reason", "unreachable"), newKey())
                .hasStatus(201).json();
        assertThat(amount(writtenOff, "writtenOff", "principal")).isEqualTo("1000.00");
        assertThat(amount(writtenOff, "writtenOff", "interest")).isEqualTo("20.07");
        awaitLoan(teller, loanId, l -> "WRITTEN_OFF".equals(l.path("status").asText()));
        repay(loanId, "10.00").isProblem(422, "LOAN_WRONG_STATE");

        JsonNode recovery = teller.post(loan + "/recoveries", Map.of("amount", money("50.00", USD)), newKey())
                .hasStatus(201).json();
        assertThat(amount(recovery, "recovered")).isEqualTo("50.00");
        teller.post(loan + "/recoveries", Map.of("amount", money("970.08", USD)), newKey())
                .isProblem(422, "OVERPAYMENT_REFUSED");
        awaitLoan(auditor, loanId, l -> "50.00".equals(amount(l, "recovered")));
        assertTrialBalanceZero();
    }

    private JsonNode awaitHeld(String accountId, String held) {
        return Cooperative.awaitRead(teller, "/api/v1/savings-accounts/" + accountId,
                a -> held.equals(amount(a, "held")));
    }
}

package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.testsupport.LedgerClient.newKey;
import static org.coopledger.api.walkthrough.Cooperative.money;

/** Who may do what with loans: roles for each step, and a member sees their own loans only. */
class LoanAccessHttpTest extends LoanIntegrationTest {

    @Test
    void aTellerCannotApproveAndNoOneButAManagerDecides() {
        String loanId = apply(teller, coop.registerMember(teller), standardProduct(), "500.00", List.of())
                .hasStatus(201).text("loanId");
        String loan = "/api/v1/loans/" + loanId;

        teller.post(loan + "/approval", null).isProblem(403);
        teller.post(loan + "/rejection", Map.of("reason", "no")).isProblem(403);
        admin.post(loan + "/approval", null).isProblem(403);
        long before = events(loanId);
        assertThat(before).isEqualTo(1);
        manager.post(loan + "/approval", null).hasStatus(200);
    }

    @Test
    void anAuditorReadsLoansButWritesNothing() {
        String borrower = coop.registerMember(teller);
        String product = standardProduct();
        String loanId = activeLoan(borrower, product, List.of());
        String loan = "/api/v1/loans/" + loanId;
        long before = events(loanId);
        Map<String, Object> payment = Map.of("amount", money("10.00", USD));

        apply(auditor, borrower, product, "500.00", List.of()).isProblem(403);
        auditor.post(loan + "/approval", null).isProblem(403);
        auditor.post(loan + "/rejection", Map.of("reason", "no")).isProblem(403);
        auditor.post(loan + "/withdrawal", null).isProblem(403);
        auditor.post(loan + "/disbursement", Map.of("tillId", "till-1"), newKey()).isProblem(403);
        auditor.post(loan + "/repayments", payment, newKey()).isProblem(403);
        auditor.post(loan + "/write-off", null, newKey()).isProblem(403);
        auditor.post(loan + "/recoveries", payment, newKey()).isProblem(403);
        auditor.post(loan + "/guarantee-calls", Map.of("savingsAccountId", "a"), newKey()).isProblem(403);
        auditor.post(loan + "/penalty-charges", null).isProblem(403);
        auditor.post("/api/v1/loan-products", productBody(newProductCode())).isProblem(403);

        assertThat(events(loanId)).isEqualTo(before);
        assertThat(auditor.get(loan).hasStatus(200).text("status")).isEqualTo("ACTIVE");
        assertThat(auditor.get(loan + "/schedule").hasStatus(200).json().path("installments")).hasSize(3);
        assertThat(auditor.get("/api/v1/loan-products/" + product).hasStatus(200).text("productCode"))
                .isEqualTo(product);
    }

    @Test
    void aMemberSeesTheirOwnLoanAndScheduleAndAnotherMembersLoanIsNotFoundLikeAnUnknownOne() {
        String product = standardProduct();
        String amina = coop.registerMember(teller);
        String omar = coop.registerMember(teller);
        String aminasLoan = activeLoan(amina, product, List.of());
        String omarsLoan = activeLoan(omar, product, List.of());
        LedgerClient aminaUser = coop.newMemberUser(amina);

        JsonNode own = aminaUser.get("/api/v1/loans/" + aminasLoan).hasStatus(200).json();
        assertThat(own.path("memberId").asText()).isEqualTo(amina);
        assertThat(own.path("submittedBy").isNull() || own.path("submittedBy").isMissingNode())
                .as("staff logins are not shown to members: %s", own).isTrue();
        assertThat(aminaUser.get("/api/v1/loans/" + aminasLoan + "/schedule").hasStatus(200)
                .json().path("installments")).hasSize(3);
        JsonNode me = Cooperative.awaitRead(aminaUser, "/api/v1/me", body -> body.path("loans").size() == 1);
        assertThat(me.path("loans").get(0).path("loanId").asText()).isEqualTo(aminasLoan);
        assertThat(me.toString()).doesNotContain(omarsLoan);

        LedgerClient.Response unknown = aminaUser.get("/api/v1/loans/no-such-loan").isProblem(404, "LOAN_NOT_FOUND");
        LedgerClient.Response others = aminaUser.get("/api/v1/loans/" + omarsLoan).isProblem(404, "LOAN_NOT_FOUND");
        assertThat(others.text("detail")).isEqualTo(unknown.text("detail"));
        aminaUser.get("/api/v1/loans/" + omarsLoan + "/schedule").isProblem(404, "LOAN_NOT_FOUND");
        aminaUser.post("/api/v1/loans/" + aminasLoan + "/repayments", Map.of("amount", money("10.00", USD)),
                newKey()).isProblem(403);
        aminaUser.get("/api/v1/loan-products/" + product).isProblem(403);
    }
}

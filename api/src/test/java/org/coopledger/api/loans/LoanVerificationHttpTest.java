package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' verification covers loans: a loan taken through its whole life over the API
 * verifies clean, and a loan projection row changed behind the ledger's back is reported by loan.
 */
class LoanVerificationHttpTest extends LoanIntegrationTest {

    @Test
    void aLoanRepaidToTheEndVerifiesCleanAndATamperedOutstandingIsReportedNamingTheLoan() {
        String loanId = activeLoan(coop.registerMember(teller), standardProduct(), List.of());
        LocalDate disbursedOn = clock.today();
        clock.moveTo(disbursedOn.plusMonths(1));
        repay(loanId, "340.02").hasStatus(201);
        // Late: a penalty of 6.80 (2 % of 340.02), then the installment with its penalty.
        clock.moveTo(disbursedOn.plusMonths(2).plusDays(10));
        manager.post("/api/v1/loans/" + loanId + "/penalty-charges", null).hasStatus(200);
        repay(loanId, "346.82").hasStatus(201);
        clock.moveTo(disbursedOn.plusMonths(3));
        repay(loanId, "340.03").hasStatus(201);
        awaitLoan(teller, loanId, l -> "CLOSED".equals(l.path("status").asText()));

        JsonNode clean = verify();
        assertThat(clean.path("status").asText()).as("%s", clean).isEqualTo("CLEAN");
        assertThat(clean.path("reconciliation").path("loansChecked").asLong()).isGreaterThanOrEqualTo(1);

        jdbc.update("UPDATE loan_projection SET outstanding_principal = 12.34 WHERE loan_id = ?", loanId);
        try {
            JsonNode tampered = verify();

            assertThat(tampered.path("status").asText()).isEqualTo("DIFFERENCES");
            assertThat(texts(tampered.path("differences"))).containsExactly("loan " + loanId
                    + ": projection outstanding USD penalty 0.00, fee 0.00, interest 0.00, principal 12.34, "
                    + "events say USD penalty 0.00, fee 0.00, interest 0.00, principal 0.00");
        } finally {
            jdbc.update("UPDATE loan_projection SET outstanding_principal = ? WHERE loan_id = ?", BigDecimal.ZERO,
                    loanId);
        }
        assertThat(verify().path("status").asText()).isEqualTo("CLEAN");
    }

    private JsonNode verify() {
        return auditor.post("/api/v1/audit/verifications", Map.of()).hasStatus(200).json();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}

package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.money;

/** Loan products hold all the terms; applications must keep within them. */
class LoanProductHttpTest extends LoanIntegrationTest {

    @Test
    void anAdminDefinesAProductThatStaffReadBackWithAllItsTerms() {
        String code = newProductCode();
        Map<String, Object> body = productBody(code);
        body.put("fees", List.of(Map.of("name", "processing", "rateOfPrincipal", "0.01",
                "charging", "AT_DISBURSEMENT")));
        body.put("principalGraceInstallments", 1);

        JsonNode defined = admin.post("/api/v1/loan-products", body).hasStatus(201).json();

        JsonNode read = teller.get("/api/v1/loan-products/" + code).hasStatus(200).json();
        assertThat(read).isEqualTo(defined);
        assertThat(read.path("currency").asText()).isEqualTo(USD);
        assertThat(read.path("annualRate").asText()).isEqualTo("0.12");
        assertThat(read.path("fees").get(0).path("charging").asText()).isEqualTo("AT_DISBURSEMENT");
        assertThat(read.path("allocationOrder").toString()).isEqualTo("[\"PENALTY\",\"FEE\",\"INTEREST\",\"PRINCIPAL\"]");
        JsonNode all = manager.get("/api/v1/loan-products").hasStatus(200).json();
        assertThat(all.findValuesAsText("productCode")).contains(code);

        admin.post("/api/v1/loan-products", body).isProblem(409, "PRODUCT_ALREADY_EXISTS");
        teller.post("/api/v1/loan-products", productBody(newProductCode())).isProblem(403);
        teller.get("/api/v1/loan-products/NO-SUCH-PRODUCT").isProblem(404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void termsOutsideTheLedgersLimitsAreRefused() {
        Map<String, Object> inverted = productBody(newProductCode());
        inverted.put("installmentsMin", 12);
        admin.post("/api/v1/loan-products", inverted).isProblem(400, "VALIDATION_FAILED");
        Map<String, Object> usurious = productBody(newProductCode());
        usurious.put("annualRate", "6");
        admin.post("/api/v1/loan-products", usurious).isProblem(400, "VALIDATION_FAILED");
        Map<String, Object> twoCurrencies = productBody(newProductCode());
        twoCurrencies.put("principalMax", money("5000.00", "EUR"));
        admin.post("/api/v1/loan-products", twoCurrencies).isProblem(422, "CURRENCY_MISMATCH");
    }

    @Test
    void anApplicationMustKeepWithinItsProduct() {
        Map<String, Object> ranged = productBody(newProductCode());
        ranged.put("installmentsMax", 12);
        ranged.put("requiredGuaranteeRate", "0.2");
        String product = defineProduct(ranged);
        String borrower = coop.registerMember(teller);
        String guarantor = coop.registerMember(teller);
        String pledged = coop.fundedAccount(teller, guarantor, "300.00", USD);
        Map<String, Object> enough = guarantee(guarantor, pledged, "200.00");

        teller.post("/api/v1/loans", application(borrower, product, "50.00", 12, enough))
                .isProblem(422, "PRINCIPAL_OUT_OF_RANGE");
        teller.post("/api/v1/loans", application(borrower, product, "1000.00", 12,
                guarantee(guarantor, pledged, "199.99"))).isProblem(422, "INSUFFICIENT_GUARANTEE");
        teller.post("/api/v1/loans", application(borrower, product, "1000.00", 13, enough))
                .isProblem(422, "INSTALLMENTS_OUT_OF_RANGE");
        // The product allows 3 to 12 installments: the count must be given, not guessed.
        apply(teller, borrower, product, "1000.00", List.of(enough)).isProblem(400, "VALIDATION_FAILED");
        apply(teller, borrower, "NO-SUCH-PRODUCT", "1000.00", List.of()).isProblem(404, "PRODUCT_NOT_FOUND");
        Map<String, Object> within = application(borrower, product, "1000.00", 12, enough);
        teller.post("/api/v1/loans", within).hasStatus(201);
    }

    private static Map<String, Object> application(String memberId, String product, String principal,
                                                   int installments, Map<String, Object> guarantee) {
        return Map.of("memberId", memberId, "productCode", product, "principal", money(principal, USD),
                "installments", installments, "guarantors", List.of(guarantee));
    }
}

package org.coopledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.testsupport.MutableClock;
import org.coopledger.api.walkthrough.Cooperative;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import static org.coopledger.api.testsupport.LedgerClient.newKey;
import static org.coopledger.api.walkthrough.Cooperative.money;

/**
 * Three loans of 1,000.00 USD at 12 % over 3 months (installments of 330.02, 333.32 and 336.66
 * principal; 10.00, 6.70 and 3.37 interest), made through the API in a branch of their own, with
 * the clock moved so that one is late, one slipping and one new:
 * <pre>
 * D0        LATE (Omar, MALE, MIGRANT_WORKER) and SLIPPING (Sara, FEMALE, MIGRANT_WORKER) disbursed
 * D0+1m     SLIPPING pays installment 1 (340.02: 330.02 principal, 10.00 interest); LATE pays nothing
 * D0+2m+5d  asOf; ON_TIME (Amina, FEMALE, REFUGEE) disbursed
 *
 * at asOf    outstanding principal   DPD                     overdue principal
 * LATE       1000.00                 (D0+2m+5d) − (D0+1m):   330.02 + 333.32 = 663.34
 *                                    33 to 36, so 31-60
 * SLIPPING    669.98                 5, so 1-30              333.32
 * ON_TIME    1000.00                 0, current              0
 * GLP 2669.98; PAR1 1669.98 (0.625465); PAR30 = LATE 1000.00 (0.374535); PAR90 0;
 * arrears 996.66 (0.373284).
 * </pre>
 * The clock only moves forward, and may be shared with other tests: every date is relative to D0.
 */
public final class SeededPortfolio {

    public final String branch;
    public final String product;
    public final String late;
    public final String slipping;
    public final String onTime;
    public final LocalDate disbursedOn;
    public final LocalDate asOf;

    private SeededPortfolio(String branch, String product, String late, String slipping, String onTime,
                            LocalDate disbursedOn, LocalDate asOf) {
        this.branch = branch;
        this.product = product;
        this.late = late;
        this.slipping = slipping;
        this.onTime = onTime;
        this.disbursedOn = disbursedOn;
        this.asOf = asOf;
    }

    /** Runs the story above from the clock's today; ends with the clock at asOf and the projections caught up. */
    public static SeededPortfolio create(LedgerClient admin, LedgerClient teller, LedgerClient manager,
                                         MutableClock clock) {
        String branch = "PF-" + Cooperative.shortId().toUpperCase();
        String product = defineProduct(admin);
        String omar = member(teller, branch, "MALE", "MIGRANT_WORKER");
        String sara = member(teller, branch, "FEMALE", "MIGRANT_WORKER");
        String amina = member(teller, branch, "FEMALE", "REFUGEE");

        LocalDate d0 = clock.today();
        String late = disburse(teller, manager, omar, product);
        String slipping = disburse(teller, manager, sara, product);
        clock.moveTo(d0.plusMonths(1));
        teller.post("/api/v1/loans/" + slipping + "/repayments",
                Map.of("amount", money("340.02", "USD"), "tillId", "till-1"), newKey()).hasStatus(201);
        awaitLoan(teller, slipping, loan -> "669.98".equals(loan.path("outstanding").path("principal").path("amount").asText()));
        clock.moveTo(d0.plusMonths(2).plusDays(5));
        String onTime = disburse(teller, manager, amina, product);
        return new SeededPortfolio(branch, product, late, slipping, onTime, d0, clock.today());
    }

    private static String defineProduct(LedgerClient admin) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productCode", "PF-" + Cooperative.shortId().toUpperCase());
        body.put("name", "Portfolio test loan");
        body.put("principalMin", money("100.00", "USD"));
        body.put("principalMax", money("5000.00", "USD"));
        body.put("annualRate", "0.12");
        body.put("frequency", "MONTHLY");
        body.put("installmentsMin", 3);
        body.put("installmentsMax", 3);
        body.put("penaltyRatePerPeriod", "0.02");
        body.put("penaltyToleranceDays", 5);
        body.put("overpaymentPolicy", "REFUSE");
        return admin.post("/api/v1/loan-products", body).hasStatus(201).text("productCode");
    }

    private static String member(LedgerClient teller, String branch, String gender, String segment) {
        Map<String, Object> body = Cooperative.memberBody("Borrower " + Cooperative.shortId());
        body.put("branch", branch);
        body.put("gender", gender);
        body.put("segment", segment);
        return teller.post("/api/v1/members", body).hasStatus(201).text("memberId");
    }

    private static String disburse(LedgerClient teller, LedgerClient manager, String borrower, String product) {
        String loanId = teller.post("/api/v1/loans", Map.of("memberId", borrower, "productCode", product,
                "principal", money("1000.00", "USD"))).hasStatus(201).text("loanId");
        manager.post("/api/v1/loans/" + loanId + "/approval", null).hasStatus(200);
        teller.post("/api/v1/loans/" + loanId + "/disbursement", Map.of("tillId", "till-1"), newKey()).hasStatus(201);
        awaitLoan(teller, loanId, loan -> "ACTIVE".equals(loan.path("status").asText()));
        return loanId;
    }

    private static JsonNode awaitLoan(LedgerClient reader, String loanId, Predicate<JsonNode> until) {
        return Cooperative.awaitRead(reader, "/api/v1/loans/" + loanId, until);
    }
}

package org.coopledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.testsupport.MutableClock;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portfolio report over HTTP on loans made through the API ({@link SeededPortfolio}: one loan
 * late, one slipping, one new, in a branch of their own so that other tests' loans in the same
 * database do not change the figures). Every expected figure is worked out in SeededPortfolio.
 */
@Import(MutableClock.Configuration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioReportHttpTest extends IntegrationTest {

    private static final String REPORT = "/api/v1/reports/portfolio";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;

    private Cooperative coop;
    private LedgerClient manager;
    private LedgerClient auditor;
    private LedgerClient teller;
    private SeededPortfolio seeded;

    @BeforeAll
    void seed() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        manager = coop.newStaff("MANAGER");
        auditor = coop.newStaff("AUDITOR");
        seeded = SeededPortfolio.create(coop.admin(), teller, manager, clock);
    }

    private JsonNode line(JsonNode report, Predicate<JsonNode> which) {
        List<JsonNode> found = new ArrayList<>();
        report.path("lines").forEach(line -> {
            if (which.test(line)) {
                found.add(line);
            }
        });
        assertThat(found).as("%s", report).hasSize(1);
        return found.get(0);
    }

    private Predicate<JsonNode> ourBranch() {
        return line -> seeded.branch.equals(line.path("branch").asText());
    }

    private static String amount(JsonNode money) {
        assertThat(money.path("currency").asText()).as("%s", money).isEqualTo("USD");
        return money.path("amount").asText();
    }

    private static void assertTally(JsonNode tally, int loans, String principal, String ratio) {
        assertThat(tally.path("loans").asInt()).as("%s", tally).isEqualTo(loans);
        assertThat(amount(tally.path("outstandingPrincipal"))).as("%s", tally).isEqualTo(principal);
        if (ratio == null) {
            assertThat(tally.has("ratio")).as("%s", tally).isFalse();
        } else {
            assertThat(tally.path("ratio").asText()).as("%s", tally).isEqualTo(ratio);
        }
    }

    @Test
    void asOfTodayTheBranchShowsGlpParArrearsAndAgingAsComputedByHand() {
        JsonNode report = manager.get(REPORT + "?groupBy=branch").hasStatus(200).json();

        assertThat(report.path("asOf").asText()).isEqualTo(seeded.asOf.toString());
        assertThat(report.path("groupBy")).extracting(JsonNode::asText).containsExactly("branch");
        JsonNode ours = line(report, ourBranch());
        assertThat(ours.path("currency").asText()).isEqualTo("USD");
        assertThat(ours.path("activeLoans").asInt()).isEqualTo(3);
        assertThat(amount(ours.path("grossLoanPortfolio"))).isEqualTo("2669.98");
        assertTally(ours.path("par1"), 2, "1669.98", "0.625465");
        assertTally(ours.path("par30"), 1, "1000.00", "0.374535");
        assertTally(ours.path("par90"), 0, "0.00", "0.000000");
        assertThat(amount(ours.path("arrears"))).isEqualTo("996.66");
        assertThat(ours.path("arrearsRate").asText()).isEqualTo("0.373284");
        Map<String, String> aging = new LinkedHashMap<>();
        ours.path("aging").forEach(b -> aging.put(b.path("bucket").asText(),
                b.path("loans").asInt() + " " + amount(b.path("outstandingPrincipal"))));
        assertThat(aging).containsExactly(Map.entry("CURRENT", "1 1000.00"), Map.entry("DPD_1_30", "1 669.98"),
                Map.entry("DPD_31_60", "1 1000.00"), Map.entry("DPD_61_90", "0 0.00"),
                Map.entry("DPD_91_180", "0 0.00"), Map.entry("DPD_OVER_180", "0 0.00"));
        assertThat(ours.path("aging").get(5).has("toDays")).as("over 180 has no upper bound").isFalse();
        assertThat(ours.path("aging").get(2).path("fromDays").asInt()).isEqualTo(31);
        assertThat(report.path("definitions").path("par").asText())
                .contains("DPD > n, divided by GLP").contains("whole outstanding principal");
        assertThat(report.path("definitions").path("arrearsRate").asText()).contains("Not PAR");
    }

    @Test
    void thePeriodDefaultsToTheMonthUpToAsOfAndFollowsFromAndTo() {
        // Default: the first of asOf's month to asOf. Only ON_TIME was paid out in it; GLP at the end of
        // the month before was LATE 1000.00 + SLIPPING 669.98, so the average is (1669.98 + 2669.98) / 2.
        JsonNode month = manager.get(REPORT + "?groupBy=branch").hasStatus(200).json();
        assertThat(month.path("from").asText()).isEqualTo(seeded.asOf.withDayOfMonth(1).toString());
        assertThat(month.path("to").asText()).isEqualTo(seeded.asOf.toString());
        JsonNode flows = line(month, ourBranch()).path("flows");
        assertThat(flows.path("loansDisbursed").asInt()).isEqualTo(1);
        assertThat(amount(flows.path("disbursed"))).isEqualTo("1000.00");
        assertThat(amount(flows.path("repaid").path("total"))).isEqualTo("0.00");
        assertThat(amount(flows.path("averageGlp"))).isEqualTo("2169.98");
        assertThat(amount(flows.path("writtenOff"))).isEqualTo("0.00");
        assertThat(flows.path("writeOffRatio").asText()).isEqualTo("0.000000");

        // From D0: three loans paid out, SLIPPING's first installment repaid; nothing at the start.
        JsonNode all = manager.get(REPORT + "?groupBy=branch&from=" + seeded.disbursedOn + "&to=" + seeded.asOf)
                .hasStatus(200).json();
        JsonNode period = line(all, ourBranch()).path("flows");
        assertThat(period.path("loansDisbursed").asInt()).isEqualTo(3);
        assertThat(amount(period.path("disbursed"))).isEqualTo("3000.00");
        assertThat(amount(period.path("repaid").path("principal"))).isEqualTo("330.02");
        assertThat(amount(period.path("repaid").path("interest"))).isEqualTo("10.00");
        assertThat(amount(period.path("repaid").path("fee"))).isEqualTo("0.00");
        assertThat(amount(period.path("repaid").path("penalty"))).isEqualTo("0.00");
        assertThat(amount(period.path("repaid").path("total"))).isEqualTo("340.02");
        assertThat(amount(period.path("recovered"))).isEqualTo("0.00");
        assertThat(amount(period.path("averageGlp"))).isEqualTo("1334.99");
    }

    @Test
    void aPastDateIsAnsweredFromTheHistory() {
        // The day before the first installment fell due: LATE and SLIPPING, 1,000.00 each, nothing late yet.
        String before = seeded.disbursedOn.plusMonths(1).minusDays(1).toString();
        JsonNode report = auditor.get(REPORT + "?groupBy=branch&asOf=" + before).hasStatus(200).json();

        JsonNode ours = line(report, ourBranch());
        assertThat(report.path("asOf").asText()).isEqualTo(before);
        assertThat(ours.path("activeLoans").asInt()).isEqualTo(2);
        assertThat(amount(ours.path("grossLoanPortfolio"))).isEqualTo("2000.00");
        assertTally(ours.path("par1"), 0, "0.00", "0.000000");
        assertThat(ours.path("aging").get(0).path("loans").asInt()).isEqualTo(2);
    }

    @Test
    void byGenderAndProductTheBranchSplitsFurtherAndCurrencyAddsNoSplit() {
        JsonNode report = manager.get(REPORT + "?groupBy=branch,gender").hasStatus(200).json();

        // FEMALE: SLIPPING 669.98 (DPD 5) + ON_TIME 1000.00; MALE: LATE 1000.00, all of it at risk.
        JsonNode women = line(report, ourBranch().and(l -> "FEMALE".equals(l.path("gender").asText())));
        JsonNode men = line(report, ourBranch().and(l -> "MALE".equals(l.path("gender").asText())));
        assertThat(women.path("activeLoans").asInt()).isEqualTo(2);
        assertThat(amount(women.path("grossLoanPortfolio"))).isEqualTo("1669.98");
        assertTally(women.path("par1"), 1, "669.98", "0.401190");
        assertTally(women.path("par30"), 0, "0.00", "0.000000");
        assertThat(amount(women.path("arrears"))).isEqualTo("333.32");
        assertThat(women.path("arrearsRate").asText()).isEqualTo("0.199595");
        assertThat(amount(men.path("grossLoanPortfolio"))).isEqualTo("1000.00");
        assertTally(men.path("par30"), 1, "1000.00", "1.000000");
        assertThat(women.path("segment").isMissingNode()).as("not grouped by segment").isTrue();

        JsonNode byProduct = manager.get(REPORT + "?groupBy=product,currency").hasStatus(200).json();
        JsonNode product = line(byProduct, l -> seeded.product.equals(l.path("product").asText()));
        assertThat(byProduct.path("groupBy")).extracting(JsonNode::asText).containsExactly("product", "currency");
        assertThat(amount(product.path("grossLoanPortfolio"))).isEqualTo("2669.98");
        assertThat(product.path("branch").isMissingNode()).isTrue();

        JsonNode bySegment = manager.get(REPORT + "?groupBy=segment,branch").hasStatus(200).json();
        JsonNode migrants = line(bySegment, ourBranch().and(l -> "MIGRANT_WORKER".equals(l.path("segment").asText())));
        assertThat(amount(migrants.path("grossLoanPortfolio"))).isEqualTo("1669.98");
        assertTally(migrants.path("par30"), 1, "1000.00", "0.598810");
    }

    @Test
    void theCsvParsedBackCarriesTheNumbersOfItsJson() {
        String path = REPORT + "?groupBy=branch,segment,gender&from=" + seeded.disbursedOn;
        JsonNode json = manager.get(path).hasStatus(200).json();
        LedgerClient.Response csv = manager.call("GET", path).accept("text/csv").send().hasStatus(200);
        assertThat(csv.contentType()).startsWith("text/csv");

        List<Map<String, String>> expected = new ArrayList<>();
        for (JsonNode l : json.path("lines")) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("as_of", json.path("asOf").asText());
            row.put("from", json.path("from").asText());
            row.put("to", json.path("to").asText());
            for (String dimension : List.of("currency", "branch", "product", "segment", "gender")) {
                row.put(dimension, text(l.path(dimension)));
            }
            row.put("active_loans", text(l.path("activeLoans")));
            row.put("gross_loan_portfolio", text(l.path("grossLoanPortfolio")));
            for (String par : List.of("par1", "par30", "par90")) {
                row.put(par + "_loans", text(l.path(par).path("loans")));
                row.put(par + "_principal", text(l.path(par).path("outstandingPrincipal")));
                row.put(par + "_ratio", text(l.path(par).path("ratio")));
            }
            row.put("arrears", text(l.path("arrears")));
            row.put("arrears_rate", text(l.path("arrearsRate")));
            for (JsonNode bucket : l.path("aging")) {
                String name = bucket.path("bucket").asText().toLowerCase();
                row.put(name + "_loans", text(bucket.path("loans")));
                row.put(name + "_principal", text(bucket.path("outstandingPrincipal")));
            }
            JsonNode f = l.path("flows");
            row.put("loans_disbursed", text(f.path("loansDisbursed")));
            row.put("disbursed", text(f.path("disbursed")));
            for (String part : List.of("principal", "interest", "fee", "penalty", "total")) {
                row.put("repaid_" + part, text(f.path("repaid").path(part)));
            }
            row.put("written_off", text(f.path("writtenOff")));
            row.put("recovered", text(f.path("recovered")));
            row.put("average_glp", text(f.path("averageGlp")));
            row.put("write_off_ratio", text(f.path("writeOffRatio")));
            expected.add(row);
        }
        List<Map<String, String>> parsed = Csv.records(csv.body());
        assertThat(parsed).isEqualTo(expected);
        assertThat(Csv.header(csv.body())).startsWith("as_of", "from", "to", "currency")
                .contains("current_loans", "dpd_over_180_principal", "write_off_ratio");
        Map<String, String> lateRow = parsed.stream().filter(r -> seeded.branch.equals(r.get("branch"))
                && "MALE".equals(r.get("gender"))).findFirst().orElseThrow();
        assertThat(lateRow.get("gross_loan_portfolio")).isEqualTo("1000.00");
        assertThat(lateRow.get("par30_ratio")).isEqualTo("1.000000");
        assertThat(lateRow.get("dpd_31_60_principal")).isEqualTo("1000.00");
    }

    /** A JSON value as the CSV writes it: empty when absent, the amount of a money object, else the text. */
    private static String text(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.has("amount") && node.has("currency")) {
            return node.path("amount").asText();
        }
        return node.asText();
    }

    @Test
    void onlyManagersAndAuditorsReadThePortfolio() {
        manager.get(REPORT).hasStatus(200);
        auditor.get(REPORT).hasStatus(200);
        LedgerClient member = coop.newMemberUser(coop.registerMember(teller));
        for (LedgerClient other : List.of(teller, coop.admin(), member)) {
            other.get(REPORT).isProblem(403, "FORBIDDEN");
            other.call("GET", REPORT).accept("text/csv").send().isProblem(403, "FORBIDDEN");
        }
        coop.admin().anonymous().get(REPORT).isProblem(401);
    }

    @Test
    void aBadGroupByDateOrPeriodIsRefusedWithVALIDATION_FAILED() {
        String tomorrow = seeded.asOf.plusDays(1).toString();
        Iterator<String> bad = List.of("?groupBy=colour", "?groupBy=branch,,product", "?groupBy=" + "branch,".repeat(20),
                "?asOf=2026-02-30", "?asOf=yesterday", "?asOf=" + tomorrow, "?to=" + tomorrow,
                "?from=" + seeded.asOf + "&to=" + seeded.asOf.minusDays(1), "?from=2026-1-1").iterator();
        while (bad.hasNext()) {
            String query = bad.next();
            manager.get(REPORT + query).isProblem(400, "VALIDATION_FAILED");
            manager.call("GET", REPORT + query).accept("text/csv").send().isProblem(400, "VALIDATION_FAILED");
        }
    }
}

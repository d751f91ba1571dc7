package org.coopledger.api.loans;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.reports.Csv;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The member statement's loan sections over HTTP. The standard loan (1,000.00 at 12 % over 3
 * months) owes 1,020.07 from disbursement: principal 1,000.00 and interest 10.00 + 6.70 + 3.37.
 * Repaid 340.02 on the first due date (680.05 left), charged a penalty of 6.80 ten days after
 * the second (686.85), then repaid 346.82 that day (340.03 left).
 */
class LoanStatementHttpTest extends LoanIntegrationTest {

    @Test
    void aLoanSectionRunsFromOpeningToClosingAndEndsAtWhatTheLoanOwes() {
        String borrower = coop.registerMember(teller);
        LocalDate disbursedOn = clock.today();
        String loanId = activeLoan(borrower, standardProduct(), List.of());
        clock.moveTo(disbursedOn.plusMonths(1));
        repay(loanId, "340.02").hasStatus(201);
        clock.moveTo(disbursedOn.plusMonths(2).plusDays(10));
        manager.post("/api/v1/loans/" + loanId + "/penalty-charges", null).hasStatus(200);
        repay(loanId, "346.82").hasStatus(201);
        JsonNode loan = awaitLoan(teller, loanId, l -> "336.66".equals(amount(l, "outstanding", "principal")));
        assertThat(amount(loan, "outstanding", "total")).isEqualTo("340.03");
        String whole = statementPath(borrower, disbursedOn, clock.today());

        JsonNode section = onlyLoan(teller.get(whole).hasStatus(200).json(), loanId);

        assertThat(section.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(amount(section, "openingOutstanding")).isEqualTo("0.00");
        assertThat(column(section, "type")).containsExactly("DISBURSEMENT", "REPAYMENT", "PENALTY", "REPAYMENT");
        assertThat(moneyColumn(section, "outstanding")).containsExactly("1020.07", "680.05", "686.85", "340.03");
        assertThat(moneyColumn(section, "change")).containsExactly("1020.07", "-340.02", "6.80", "-346.82");
        JsonNode firstRepayment = section.path("movements").get(1);
        assertThat(amount(firstRepayment, "principal")).isEqualTo("330.02");
        assertThat(amount(firstRepayment, "interest")).isEqualTo("10.00");
        JsonNode secondRepayment = section.path("movements").get(3);
        assertThat(amount(secondRepayment, "penalties")).isEqualTo("6.80");
        assertThat(amount(secondRepayment, "interest")).isEqualTo("6.70");
        assertThat(amount(secondRepayment, "principal")).isEqualTo("333.32");
        assertThat(amount(section, "closingOutstanding")).isEqualTo(amount(loan, "outstanding", "total"));
        assertAddsUp(section);

        // A period that starts after the first repayment opens at what was still owed then.
        String later = statementPath(borrower, disbursedOn.plusMonths(1).plusDays(1), clock.today());
        JsonNode laterSection = onlyLoan(teller.get(later).hasStatus(200).json(), loanId);
        assertThat(amount(laterSection, "openingOutstanding")).isEqualTo("680.05");
        assertThat(column(laterSection, "type")).containsExactly("PENALTY", "REPAYMENT");
        assertThat(amount(laterSection, "closingOutstanding")).isEqualTo("340.03");
        assertThat(amount(laterSection, "totalIncreases")).isEqualTo("6.80");
        assertThat(amount(laterSection, "totalDecreases")).isEqualTo("346.82");
        assertAddsUp(laterSection);
        // A period before the disbursement has no loan section.
        assertThat(teller.get(statementPath(borrower, disbursedOn.minusDays(5), disbursedOn.minusDays(1)))
                .hasStatus(200).json().path("loans")).isEmpty();

        // The CSV carries the numbers of the JSON.
        JsonNode json = teller.get(whole).hasStatus(200).json();
        List<Map<String, String>> csv = Csv.records(teller.call("GET", whole).accept("text/csv").send()
                .hasStatus(200).body());
        assertThat(csv).isEqualTo(expectedLoanRows(json, onlyLoan(json, loanId)));

        // A member reads their own statement and no one else's.
        LedgerClient borrowerLogin = coop.newMemberUser(borrower);
        assertThat(onlyLoan(borrowerLogin.get(whole).hasStatus(200).json(), loanId)).isEqualTo(section);
        String other = coop.registerMember(teller);
        LedgerClient otherLogin = coop.newMemberUser(other);
        otherLogin.get(whole).isProblem(404, "MEMBER_NOT_FOUND");
        // The other member reaches the member projection a moment after registering.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                otherLogin.get(statementPath(other, disbursedOn, clock.today())).hasStatus(200).json()
                        .path("loans")).isEmpty());
    }

    private static String statementPath(String memberId, LocalDate from, LocalDate to) {
        return "/api/v1/members/" + memberId + "/statement?from=" + from + "&to=" + to;
    }

    private static JsonNode onlyLoan(JsonNode statement, String loanId) {
        assertThat(statement.path("loans")).as("%s", statement).hasSize(1);
        JsonNode section = statement.path("loans").get(0);
        assertThat(section.path("loanId").asText()).isEqualTo(loanId);
        return section;
    }

    /** opening + every change = closing, and each running balance is the one before plus its change. */
    private static void assertAddsUp(JsonNode section) {
        BigDecimal running = new BigDecimal(amount(section, "openingOutstanding"));
        for (JsonNode movement : section.path("movements")) {
            running = running.add(new BigDecimal(amount(movement, "change")));
            assertThat(new BigDecimal(amount(movement, "outstanding"))).isEqualByComparingTo(running);
        }
        assertThat(new BigDecimal(amount(section, "closingOutstanding"))).isEqualByComparingTo(running);
    }

    private static List<String> column(JsonNode section, String field) {
        List<String> values = new ArrayList<>();
        section.path("movements").forEach(m -> values.add(m.path(field).asText()));
        return values;
    }

    private static List<String> moneyColumn(JsonNode section, String field) {
        List<String> values = new ArrayList<>();
        section.path("movements").forEach(m -> values.add(amount(m, field)));
        return values;
    }

    /** The member has no savings or shares here: the CSV is the loan's rows alone, built from the JSON. */
    private static List<Map<String, String>> expectedLoanRows(JsonNode json, JsonNode s) {
        assertThat(json.path("savings")).isEmpty();
        assertThat(json.path("shares").isNull() || json.path("shares").isMissingNode()).isTrue();
        List<Map<String, String>> rows = new ArrayList<>();
        String currency = s.path("currency").asText();
        rows.add(row(s, currency, "OPENING", json.path("from").asText(), "", "", "", amount(s, "openingOutstanding"),
                "", "", "", "", ""));
        for (JsonNode m : s.path("movements")) {
            BigDecimal change = new BigDecimal(amount(m, "change"));
            rows.add(row(s, currency, "MOVEMENT", m.path("bookingDate").asText(), m.path("type").asText(),
                    change.signum() < 0 ? change.negate().toPlainString() : "",
                    change.signum() > 0 ? change.toPlainString() : "", amount(m, "outstanding"), amount(m, "amount"),
                    amount(m, "principal"), amount(m, "interest"), amount(m, "fees"), amount(m, "penalties")));
        }
        rows.add(row(s, currency, "CLOSING", json.path("to").asText(), "", amount(s, "totalDecreases"),
                amount(s, "totalIncreases"), amount(s, "closingOutstanding"), "", "", "", "", ""));
        return rows;
    }

    private static Map<String, String> row(JsonNode s, String currency, String kind, String date, String type,
                                           String credit, String debit, String balance, String amount,
                                           String principal, String interest, String fees, String penalties) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("section", "LOAN");
        row.put("account_id", s.path("loanId").asText());
        row.put("currency", currency);
        row.put("kind", kind);
        row.put("entry_no", "");
        row.put("booking_date", date);
        row.put("value_date", "");
        row.put("transaction_id", "");
        row.put("type", type);
        row.put("credit", credit);
        row.put("debit", debit);
        row.put("balance", balance);
        row.put("share_count", "");
        row.put("shares_after", "");
        row.put("reference", "");
        row.put("amount", amount);
        row.put("principal", principal);
        row.put("interest", interest);
        row.put("fees", fees);
        row.put("penalties", penalties);
        return row;
    }
}

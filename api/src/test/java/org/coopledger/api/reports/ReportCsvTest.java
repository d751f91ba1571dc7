package org.coopledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report answers {@code Accept: text/csv}: the CSV is parsed back with a reader of the
 * tests' own and compared, row by row and cell by cell, with the JSON of the same request.
 */
class ReportCsvTest extends HistoryTest {

    private record Both(JsonNode json, List<Map<String, String>> csv) {
    }

    private static Both both(LedgerClient client, String path) {
        JsonNode json = client.get(path).hasStatus(200).json();
        LedgerClient.Response csv = client.call("GET", path).accept("text/csv").send().hasStatus(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        return new Both(json, Csv.records(csv.body()));
    }

    /** A JSON field as the CSV shows it: "" when absent, the amount of a money object, else the text. */
    private static String cell(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return "";
        }
        if (node.has("amount") && node.has("currency")) {
            return node.path("amount").asText();
        }
        return node.asText();
    }

    private static Map<String, String> row(Object... keysAndValues) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            row.put((String) keysAndValues[i], value instanceof JsonNode node ? cell(node) : value == null ? "" : value.toString());
        }
        return row;
    }

    @Test
    void theSavingsReportAsCsvParsedBackCarriesTheNumbersOfItsJson() {
        Both report = both(history.manager, "/api/v1/reports/savings?asOf=2026-03-16&groupBy=branch,segment");
        JsonNode json = report.json();
        List<Map<String, String>> expected = new ArrayList<>();
        for (JsonNode r : json.path("savings")) {
            expected.add(row("section", "SAVINGS", "as_of", json.path("asOf"), "product", r.path("product"),
                    "branch", r.path("branch"), "segment", r.path("segment"), "currency", r.path("currency"),
                    "deposits_outstanding", r.path("depositsOutstanding"), "active_accounts", r.path("activeAccounts"),
                    "dormant_accounts", r.path("dormantAccounts"), "closed_accounts", r.path("closedAccounts"),
                    "share_capital", null, "shareholders", null, "shares", null));
        }
        for (JsonNode r : json.path("shares")) {
            expected.add(row("section", "SHARES", "as_of", json.path("asOf"), "product", null,
                    "branch", r.path("branch"), "segment", r.path("segment"), "currency", r.path("currency"),
                    "deposits_outstanding", null, "active_accounts", null, "dormant_accounts", null,
                    "closed_accounts", null, "share_capital", r.path("shareCapital"), "shareholders",
                    r.path("shareholders"), "shares", r.path("shares")));
        }
        for (JsonNode t : json.path("totals")) {
            expected.add(row("section", "TOTAL", "as_of", json.path("asOf"), "product", null, "branch", null,
                    "segment", null, "currency", t.path("currency"), "deposits_outstanding", t.path("depositsOutstanding"),
                    "active_accounts", t.path("activeAccounts"), "dormant_accounts", t.path("dormantAccounts"),
                    "closed_accounts", t.path("closedAccounts"), "share_capital", t.path("shareCapital"),
                    "shareholders", t.path("shareholders"), "shares", t.path("shares")));
        }
        assertThat(report.csv()).isEqualTo(expected);
        assertThat(report.csv()).hasSize(3 + 1 + 2);
        assertThat(report.csv().get(2).get("deposits_outstanding")).isEqualTo("41.500");
    }

    @Test
    void theMemberStatementAsCsvParsedBackCarriesTheNumbersOfItsJson() {
        Both statement = both(history.teller, "/api/v1/members/" + history.amina + "/statement?from=2025-01-01&to=2026-06-01");
        JsonNode json = statement.json();
        List<Map<String, String>> expected = new ArrayList<>();
        for (JsonNode s : json.path("savings")) {
            expected.add(row("section", "SAVINGS", "account_id", s.path("accountId"), "currency", s.path("currency"),
                    "kind", "OPENING", "entry_no", null, "booking_date", json.path("from"), "value_date", null,
                    "transaction_id", null, "type", null, "credit", null, "debit", null,
                    "balance", s.path("openingBalance"), "share_count", null, "shares_after", null, "reference", null));
            for (JsonNode m : s.path("movements")) {
                boolean credit = m.path("direction").asText().equals("CREDIT");
                expected.add(row("section", "SAVINGS", "account_id", s.path("accountId"), "currency", s.path("currency"),
                        "kind", "MOVEMENT", "entry_no", m.path("entryNo"), "booking_date", m.path("bookingDate"),
                        "value_date", m.path("valueDate"), "transaction_id", m.path("transactionId"),
                        "type", m.path("type"), "credit", credit ? m.path("amount") : null,
                        "debit", credit ? null : m.path("amount"), "balance", m.path("balance"), "share_count", null,
                        "shares_after", null, "reference", guarded(cell(m.path("reference")))));
            }
            expected.add(row("section", "SAVINGS", "account_id", s.path("accountId"), "currency", s.path("currency"),
                    "kind", "CLOSING", "entry_no", null, "booking_date", json.path("to"), "value_date", null,
                    "transaction_id", null, "type", null, "credit", s.path("totalCredits"),
                    "debit", s.path("totalDebits"), "balance", s.path("closingBalance"), "share_count", null,
                    "shares_after", null, "reference", null));
        }
        JsonNode sh = json.path("shares");
        expected.add(row("section", "SHARES", "account_id", null, "currency", sh.path("currency"), "kind", "OPENING",
                "entry_no", null, "booking_date", json.path("from"), "value_date", null, "transaction_id", null,
                "type", null, "credit", null, "debit", null, "balance", sh.path("openingCapital"), "share_count", null,
                "shares_after", sh.path("openingShares"), "reference", null));
        for (JsonNode m : sh.path("movements")) {
            boolean purchase = m.path("type").asText().equals("PURCHASE");
            expected.add(row("section", "SHARES", "account_id", null, "currency", sh.path("currency"), "kind", "MOVEMENT",
                    "entry_no", m.path("entryNo"), "booking_date", m.path("bookingDate"), "value_date", null,
                    "transaction_id", m.path("transactionId"), "type", m.path("type"),
                    "credit", purchase ? m.path("amount") : null, "debit", purchase ? null : m.path("amount"),
                    "balance", m.path("capital"), "share_count", m.path("shareCount"),
                    "shares_after", m.path("sharesAfter"), "reference", null));
        }
        expected.add(row("section", "SHARES", "account_id", null, "currency", sh.path("currency"), "kind", "CLOSING",
                "entry_no", null, "booking_date", json.path("to"), "value_date", null, "transaction_id", null,
                "type", null, "credit", null, "debit", null, "balance", sh.path("closingCapital"), "share_count", null,
                "shares_after", sh.path("closingShares"), "reference", null));
        // The loan columns stay empty on savings and share rows.
        expected.forEach(r -> List.of("amount", "principal", "interest", "fees", "penalties")
                .forEach(column -> r.putIfAbsent(column, "")));
        assertThat(json.path("loans")).isEmpty();
        assertThat(statement.csv()).isEqualTo(expected);
        assertThat(statement.csv()).hasSize(2 + 5 + 2 + 2 + 2 + 2);
    }

    private static String guarded(String text) {
        return !text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** A teller's reference is text a spreadsheet must not run; a comma and quotes survive quoting. */
    @Test
    void aReferenceThatLooksLikeAFormulaIsDefusedInCsvAndUnchangedInJson() {
        Both statement = both(history.teller, "/api/v1/members/" + history.amina + "/statement?from=2025-01-01&to=2026-06-01");
        List<String> jsonReferences = new ArrayList<>();
        statement.json().path("savings").forEach(s -> s.path("movements").forEach(m -> jsonReferences.add(cell(m.path("reference")))));
        assertThat(jsonReferences).contains(ReportHistory.FORMULA_REFERENCE, ReportHistory.QUOTED_REFERENCE);
        assertThat(statement.csv()).extracting(r -> r.get("reference"))
                .contains("'" + ReportHistory.FORMULA_REFERENCE, ReportHistory.QUOTED_REFERENCE)
                .doesNotContain(ReportHistory.FORMULA_REFERENCE);
    }

    @Test
    void theGeneralLedgerAsCsvParsedBackCarriesTheNumbersOfItsJson() {
        String path = "/api/v1/reports/general-ledger/2000?currency=JOD&from=2025-03-01&to=2026-02-28&limit=4";
        Both page = both(history.auditor, path);
        JsonNode json = page.json();
        List<Map<String, String>> expected = new ArrayList<>();
        expected.add(row("kind", "OPENING", "account_code", "2000", "currency", "JOD", "booking_date", json.path("from"),
                "global_index", null, "line_no", null, "transaction_id", null, "event_type", null, "debit", null,
                "credit", null, "balance", json.path("openingBalance")));
        for (JsonNode e : json.path("entries")) {
            expected.add(row("kind", "ENTRY", "account_code", "2000", "currency", "JOD", "booking_date", e.path("bookingDate"),
                    "global_index", e.path("globalIndex"), "line_no", e.path("lineNo"),
                    "transaction_id", e.path("transactionId"), "event_type", e.path("eventType"),
                    "debit", e.path("debit"), "credit", e.path("credit"), "balance", e.path("runningBalance")));
        }
        expected.add(row("kind", "CLOSING", "account_code", "2000", "currency", "JOD", "booking_date", json.path("to"),
                "global_index", null, "line_no", null, "transaction_id", null, "event_type", null, "debit", null,
                "credit", null, "balance", json.path("closingBalance")));
        assertThat(page.csv()).isEqualTo(expected);
        LedgerClient.Response csv = history.auditor.call("GET", path).accept("text/csv").send();
        assertThat(csv.header("Next-Cursor")).isEqualTo(json.path("next").asText());
    }

    @Test
    void theTrialBalanceAsCsvParsedBackCarriesTheNumbersOfItsJson() {
        Both trialBalance = both(history.auditor, "/api/v1/reports/trial-balance?asOf=" + ReportHistory.D3);
        List<Map<String, String>> expected = new ArrayList<>();
        for (JsonNode line : trialBalance.json().path("lines")) {
            expected.add(row("account_code", line.path("accountCode"), "account_name", line.path("accountName"),
                    "currency", line.path("currency"), "debits", line.path("debits"), "credits", line.path("credits"),
                    "balance", line.path("balance")));
        }
        assertThat(trialBalance.csv()).isEqualTo(expected).isNotEmpty();
    }

    @Test
    void aRefusedCsvRequestIsStillAProblemDocument() {
        history.omarUser.call("GET", "/api/v1/members/" + history.amina + "/statement").accept("text/csv").send()
                .isProblem(404, "MEMBER_NOT_FOUND");
        history.teller.call("GET", "/api/v1/reports/savings").accept("text/csv").send().isProblem(403);
        history.manager.call("GET", "/api/v1/reports/savings?groupBy=colour").accept("text/csv").send()
                .isProblem(400, "VALIDATION_FAILED");
    }
}

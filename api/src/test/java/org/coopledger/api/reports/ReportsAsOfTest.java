package org.coopledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.reports.ReportHistory.D1;
import static org.coopledger.api.reports.ReportHistory.D2;
import static org.coopledger.api.reports.ReportHistory.D3;

/**
 * The savings report, member statement and general ledger of a past date answer from the dated
 * history, not from today's state: expectations computed by hand from {@link ReportHistory}.
 */
class ReportsAsOfTest extends HistoryTest {

    private JsonNode savings(String query) {
        return history.manager.get("/api/v1/reports/savings?" + query).hasStatus(200).json();
    }

    /** "JOD 150.500 3/0/0 | shares 0.000 0 0" per currency, in currency order. */
    private static List<String> totals(JsonNode report) {
        List<String> totals = new ArrayList<>();
        for (JsonNode t : report.path("totals")) {
            totals.add(t.path("currency").asText() + " " + t.path("depositsOutstanding").path("amount").asText() + " "
                    + t.path("activeAccounts").asLong() + "/" + t.path("dormantAccounts").asLong() + "/"
                    + t.path("closedAccounts").asLong() + " | shares " + t.path("shareCapital").path("amount").asText()
                    + " " + t.path("shareholders").asLong() + " " + t.path("shares").asLong());
        }
        return totals;
    }

    @Test
    void theSavingsReportOfEachPastDateCountsOnlyWhatHadHappenedByThen() {
        assertThat(totals(savings("asOf=2025-01-09"))).isEmpty();
        assertThat(totals(savings("asOf=" + D1))).containsExactly(
                "JOD 150.500 3/0/0 | shares 0.000 0 0",
                "USD 0.00 0/0/0 | shares 30.00 1 3");
        assertThat(totals(savings("asOf=" + D2))).containsExactly(
                "JOD 130.250 3/0/0 | shares 0.000 0 0",
                "USD 200.00 1/0/0 | shares 30.00 1 3");
        assertThat(totals(savings("asOf=2026-03-16"))).containsExactly(
                "JOD 135.250 1/2/0 | shares 0.000 0 0",
                "USD 0.00 0/0/1 | shares 20.00 1 2");
    }

    /**
     * Dormancy (12 months here): O1's last member movement is its transfer sent on 2025-03-15, so
     * it is active up to 2026-03-14 and dormant from 2026-03-15 on; O2 never had one (it only
     * received a transfer on D3, which is not the member's doing) and is dormant from 2026-01-10.
     */
    @Test
    void anOpenAccountIsDormantAfterTwelveMonthsWithoutADepositWithdrawalOrTransferSent() {
        JsonNode before = savings("asOf=2026-03-14");
        assertThat(totals(before).get(0)).isEqualTo("JOD 135.250 2/1/0 | shares 0.000 0 0");
        assertThat(before.path("dormancyMonths").asInt()).isEqualTo(12);
        assertThat(before.path("dormantOnOrBefore").asText()).isEqualTo("2025-03-14");
        assertThat(totals(savings("asOf=2026-03-15")).get(0)).isEqualTo("JOD 135.250 1/2/0 | shares 0.000 0 0");
        assertThat(totals(savings("asOf=2026-01-09")).get(0)).isEqualTo("JOD 130.250 3/0/0 | shares 0.000 0 0");
        assertThat(totals(savings("asOf=2026-01-10")).get(0)).isEqualTo("JOD 130.250 2/1/0 | shares 0.000 0 0");
    }

    @Test
    void theSavingsReportBreaksDownByBranchSegmentAndProductNeverAcrossCurrencies() {
        JsonNode byMember = savings("asOf=2026-03-16&groupBy=branch,segment");
        assertThat(byMember.path("groupBy").toString()).isEqualTo("[\"branch\",\"segment\"]");
        assertThat(rows(byMember.path("savings"))).containsExactly(
                "AMMAN-1 REFUGEE JOD 93.750 1/0/0",
                "AMMAN-1 REFUGEE USD 0.00 0/0/1",
                "IRBID-2 MIGRANT_WORKER JOD 41.500 0/2/0");
        JsonNode shares = byMember.path("shares");
        assertThat(shares).hasSize(1);
        assertThat(shares.get(0).path("branch").asText() + " " + shares.get(0).path("segment").asText() + " "
                + shares.get(0).path("shareCapital").path("amount").asText() + " "
                + shares.get(0).path("shareCapital").path("currency").asText() + " "
                + shares.get(0).path("shareholders").asLong() + " " + shares.get(0).path("shares").asLong())
                .isEqualTo("AMMAN-1 REFUGEE 20.00 USD 1 2");

        JsonNode byProduct = savings("asOf=" + ReportHistory.D4 + "&groupBy=product");
        List<String> products = new ArrayList<>();
        for (JsonNode row : byProduct.path("savings")) {
            products.add(row.path("product").asText("-") + " " + row.path("currency").asText() + " "
                    + row.path("depositsOutstanding").path("amount").asText() + " " + row.path("activeAccounts").asLong()
                    + "/" + row.path("dormantAccounts").asLong() + "/" + row.path("closedAccounts").asLong());
        }
        assertThat(products).containsExactly("VOL-JOD JOD 93.750 1/0/0", "- JOD 41.500 0/2/0", "- USD 0.00 0/0/1");
        assertThat(byProduct.path("shares").get(0).has("branch")).isFalse();
    }

    private static List<String> rows(JsonNode rows) {
        List<String> out = new ArrayList<>();
        for (JsonNode row : rows) {
            out.add(row.path("branch").asText() + " " + row.path("segment").asText() + " " + row.path("currency").asText()
                    + " " + row.path("depositsOutstanding").path("amount").asText() + " "
                    + row.path("activeAccounts").asLong() + "/" + row.path("dormantAccounts").asLong() + "/"
                    + row.path("closedAccounts").asLong());
        }
        return out;
    }

    /** The report and the general ledger are two views of one history: deposits = GL 2000, shares = GL 3000. */
    @Test
    void depositsOutstandingAndShareCapitalEqualTheirGlAccountsOnEveryDate() {
        for (LocalDate date : List.of(D1, D2, D3.minusDays(1), D3, ReportHistory.D4)) {
            JsonNode report = savings("asOf=" + date);
            JsonNode trialBalance = history.auditor.get("/api/v1/reports/trial-balance?asOf=" + date).hasStatus(200).json();
            for (JsonNode total : report.path("totals")) {
                String currency = total.path("currency").asText();
                assertThat(negated(glBalance(trialBalance, "2000", currency))).as("2000 %s on %s", currency, date)
                        .isEqualByComparingTo(total.path("depositsOutstanding").path("amount").asText());
                assertThat(negated(glBalance(trialBalance, "3000", currency))).as("3000 %s on %s", currency, date)
                        .isEqualByComparingTo(total.path("shareCapital").path("amount").asText());
            }
        }
    }

    private static BigDecimal glBalance(JsonNode trialBalance, String code, String currency) {
        for (JsonNode line : trialBalance.path("lines")) {
            if (line.path("accountCode").asText().equals(code) && line.path("currency").asText().equals(currency)) {
                return new BigDecimal(line.path("balance").path("amount").asText());
            }
        }
        return BigDecimal.ZERO;
    }

    private static BigDecimal negated(BigDecimal value) {
        return value.negate();
    }

    @Test
    void aMemberStatementListsThePeriodBetweenItsOpeningAndClosingBalances() {
        JsonNode statement = history.teller.get("/api/v1/members/" + history.amina
                + "/statement?from=2025-03-01&to=2026-02-28").hasStatus(200).json();
        JsonNode a1 = statement.path("savings").get(0);
        assertThat(a1.path("accountId").asText()).isEqualTo(history.a1);
        assertThat(a1.path("productCode").asText()).isEqualTo("VOL-JOD");
        assertThat(a1.path("openingBalance").path("amount").asText()).isEqualTo("100.000");
        assertThat(movements(a1)).containsExactly(
                "2025-03-15 WITHDRAWAL DEBIT 20.250 -> 79.750",
                "2025-03-15 TRANSFER_IN CREDIT 10.000 -> 89.750",
                "2026-02-20 DEPOSIT CREDIT 5.000 -> 94.750",
                "2026-02-20 TRANSFER_OUT DEBIT 1.000 -> 93.750");
        assertThat(a1.path("totalCredits").path("amount").asText()).isEqualTo("15.000");
        assertThat(a1.path("totalDebits").path("amount").asText()).isEqualTo("21.250");
        assertThat(a1.path("closingBalance").path("amount").asText()).isEqualTo("93.750");

        JsonNode a2 = statement.path("savings").get(1);
        assertThat(a2.path("accountId").asText()).isEqualTo(history.a2);
        assertThat(a2.path("status").asText()).isEqualTo("CLOSED");
        assertThat(a2.path("openingBalance").path("amount").asText()).isEqualTo("0.00");
        assertThat(movements(a2)).containsExactly(
                "2025-03-15 DEPOSIT CREDIT 200.00 -> 200.00",
                "2026-02-20 WITHDRAWAL DEBIT 200.00 -> 0.00");
        assertThat(statement.path("savings")).hasSize(2);

        JsonNode shares = statement.path("shares");
        assertThat(shares.path("currency").asText()).isEqualTo("USD");
        assertThat(shares.path("openingShares").asInt()).isEqualTo(3);
        assertThat(shares.path("openingCapital").path("amount").asText()).isEqualTo("30.00");
        assertThat(shares.path("movements")).hasSize(1);
        JsonNode redemption = shares.path("movements").get(0);
        assertThat(redemption.path("type").asText() + " " + redemption.path("shareCount").asInt() + " "
                + redemption.path("amount").path("amount").asText() + " " + redemption.path("sharesAfter").asInt() + " "
                + redemption.path("capital").path("amount").asText() + " " + redemption.path("bookingDate").asText())
                .isEqualTo("REDEMPTION 1 10.00 2 20.00 2026-02-20");
        assertThat(shares.path("closingShares").asInt()).isEqualTo(2);
        assertThat(shares.path("closingCapital").path("amount").asText()).isEqualTo("20.00");
    }

    @Test
    void aPeriodAfterAnAccountClosedLeavesItOutAndAPeriodWithoutMovementsOpensAndClosesAlike() {
        JsonNode march = history.teller.get("/api/v1/members/" + history.amina
                + "/statement?from=2026-03-01&to=2026-03-31").hasStatus(200).json();
        assertThat(march.path("savings")).hasSize(1);
        JsonNode a1 = march.path("savings").get(0);
        assertThat(a1.path("movements")).isEmpty();
        assertThat(a1.path("openingBalance").path("amount").asText()).isEqualTo("93.750");
        assertThat(a1.path("closingBalance").path("amount").asText()).isEqualTo("93.750");
        assertThat(march.path("shares").path("openingShares").asInt()).isEqualTo(2);
        assertThat(march.path("shares").path("closingShares").asInt()).isEqualTo(2);

        JsonNode january = history.teller.get("/api/v1/members/" + history.amina
                + "/statement?from=2025-01-01&to=2025-01-31").hasStatus(200).json();
        assertThat(january.path("savings")).hasSize(1);
        assertThat(movements(january.path("savings").get(0))).containsExactly("2025-01-10 DEPOSIT CREDIT 100.000 -> 100.000");
        assertThat(january.path("shares").path("openingCapital").path("amount").asText()).isEqualTo("0.00");
        assertThat(january.path("shares").path("closingCapital").path("amount").asText()).isEqualTo("30.00");

        JsonNode omarBefore = history.teller.get("/api/v1/members/" + history.omar
                + "/statement?from=2024-01-01&to=2024-12-31").hasStatus(200).json();
        assertThat(omarBefore.path("savings")).isEmpty();
        assertThat(omarBefore.has("shares")).isFalse();
    }

    /**
     * For every section of two members' statements over several periods: each running balance is
     * the previous one plus or minus the movement, and is the account's balance at the end of that
     * day whenever it is the day's last movement; opening is the balance the day before the period,
     * closing the balance on its last day, and opening + movements = closing.
     */
    @Test
    void statementRunningBalancesEqualTheAccountBalanceAtEveryLineAndOpeningPlusMovementsIsClosing() {
        String[][] periods = {{"2025-01-01", "2026-06-01"}, {"2025-01-10", "2025-03-15"}, {"2025-03-15", "2026-02-20"},
                {"2025-02-01", "2026-02-19"}};
        for (String member : List.of(history.amina, history.omar)) {
            for (String[] period : periods) {
                JsonNode statement = history.teller.get("/api/v1/members/" + member + "/statement?from=" + period[0]
                        + "&to=" + period[1]).hasStatus(200).json();
                assertThat(statement.path("savings")).isNotEmpty();
                for (JsonNode section : statement.path("savings")) {
                    checkSection(section, LocalDate.parse(period[0]), LocalDate.parse(period[1]));
                }
            }
        }
    }

    private void checkSection(JsonNode section, LocalDate from, LocalDate to) {
        String account = section.path("accountId").asText();
        BigDecimal opening = amount(section.path("openingBalance"));
        assertThat(opening).isEqualByComparingTo(balanceAt(account, from.minusDays(1)));
        BigDecimal running = opening;
        JsonNode movements = section.path("movements");
        for (int i = 0; i < movements.size(); i++) {
            JsonNode m = movements.get(i);
            BigDecimal amount = amount(m.path("amount"));
            running = "CREDIT".equals(m.path("direction").asText()) ? running.add(amount) : running.subtract(amount);
            assertThat(amount(m.path("balance"))).as("%s entry %s", account, m.path("entryNo")).isEqualByComparingTo(running);
            boolean lastOfDay = i + 1 == movements.size()
                    || !movements.get(i + 1).path("bookingDate").asText().equals(m.path("bookingDate").asText());
            if (lastOfDay) {
                assertThat(running).as("%s at the end of %s", account, m.path("bookingDate").asText())
                        .isEqualByComparingTo(balanceAt(account, LocalDate.parse(m.path("bookingDate").asText())));
            }
        }
        assertThat(amount(section.path("closingBalance"))).isEqualByComparingTo(running);
        assertThat(running).isEqualByComparingTo(balanceAt(account, to));
        assertThat(opening.add(amount(section.path("totalCredits"))).subtract(amount(section.path("totalDebits"))))
                .isEqualByComparingTo(running);
    }

    private BigDecimal balanceAt(String account, LocalDate date) {
        return amount(history.teller.get("/api/v1/savings-accounts/" + account + "/balance?asOf=" + date)
                .hasStatus(200).json().path("balance"));
    }

    private static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.path("amount").asText());
    }

    private static List<String> movements(JsonNode section) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : section.path("movements")) {
            out.add(m.path("bookingDate").asText() + " " + m.path("type").asText() + " " + m.path("direction").asText()
                    + " " + m.path("amount").path("amount").asText() + " -> " + m.path("balance").path("amount").asText());
        }
        return out;
    }

    /**
     * Member savings (2000) in JOD from 2025-03-01 to 2026-02-28: opening −150.500 (the two D1
     * deposits, credits); then a withdrawal (Dr 20.250), both legs of each transfer (Dr and Cr
     * 10.000, Dr and Cr 1.000) and a deposit (Cr 5.000); closing −135.250. Pages of 4.
     */
    @Test
    void theGeneralLedgerOfAnAccountPagesThroughThePeriodWithRunningBalancesFromOpeningToClosing() {
        String path = "/api/v1/reports/general-ledger/2000?currency=JOD&from=2025-03-01&to=2026-02-28&limit=4";
        JsonNode first = history.auditor.get(path).hasStatus(200).json();
        assertThat(first.path("accountName").asText()).isEqualTo("Member savings deposits");
        assertThat(first.path("entries")).hasSize(4);
        assertThat(first.path("next").asText()).isNotBlank();
        JsonNode second = history.auditor.get(path + "&after=" + first.path("next").asText()).hasStatus(200).json();
        assertThat(second.path("entries")).hasSize(2);
        assertThat(second.has("next")).isFalse();
        for (JsonNode page : List.of(first, second)) {
            assertThat(page.path("openingBalance").path("amount").asText()).isEqualTo("-150.500");
            assertThat(page.path("closingBalance").path("amount").asText()).isEqualTo("-135.250");
        }
        BigDecimal running = new BigDecimal("-150.500");
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        String lastD2 = null;
        List<String> dates = new ArrayList<>();
        for (JsonNode page : List.of(first, second)) {
            for (JsonNode e : page.path("entries")) {
                BigDecimal debit = amount(e.path("debit"));
                BigDecimal credit = amount(e.path("credit"));
                assertThat(debit.signum() == 0 ^ credit.signum() == 0).as(e.toString()).isTrue();
                running = running.add(debit).subtract(credit);
                debits = debits.add(debit);
                credits = credits.add(credit);
                assertThat(amount(e.path("runningBalance"))).as(e.toString()).isEqualByComparingTo(running);
                dates.add(e.path("bookingDate").asText());
                if (e.path("bookingDate").asText().equals(D2.toString())) {
                    lastD2 = e.path("runningBalance").path("amount").asText();
                }
            }
        }
        assertThat(dates).containsExactly("2025-03-15", "2025-03-15", "2025-03-15", "2026-02-20", "2026-02-20",
                "2026-02-20");
        assertThat(debits).isEqualByComparingTo("31.250");
        assertThat(credits).isEqualByComparingTo("16.000");
        assertThat(lastD2).isEqualTo("-130.250");
        assertThat(running).isEqualByComparingTo("-135.250");

        JsonNode everything = history.auditor.get("/api/v1/reports/general-ledger/3000?currency=USD").hasStatus(200).json();
        assertThat(everything.path("openingBalance").path("amount").asText()).isEqualTo("0.00");
        assertThat(everything.path("entries")).hasSize(2);
        assertThat(everything.path("closingBalance").path("amount").asText()).isEqualTo("-20.00");
    }

    @Test
    void aGeneralLedgerRequestForAnUnknownAccountCurrencyOrCursorIsAClientError() {
        history.auditor.get("/api/v1/reports/general-ledger/9999?currency=JOD").isProblem(404, "NOT_FOUND");
        history.auditor.get("/api/v1/reports/general-ledger/2000").isProblem(400);
        history.auditor.get("/api/v1/reports/general-ledger/2000?currency=ABC").isProblem(400, "UNKNOWN_CURRENCY");
        history.auditor.get("/api/v1/reports/general-ledger/2000?currency=JOD&after=banana")
                .isProblem(400, "VALIDATION_FAILED");
        history.auditor.get("/api/v1/reports/general-ledger/2000?currency=JOD&from=2026-01-02&to=2026-01-01")
                .isProblem(400, "VALIDATION_FAILED");
        history.manager.get("/api/v1/reports/savings?groupBy=colour").isProblem(400, "VALIDATION_FAILED");
        history.teller.get("/api/v1/members/" + history.amina + "/statement?from=2026-01-02&to=2026-01-01")
                .isProblem(400, "VALIDATION_FAILED");
    }
}

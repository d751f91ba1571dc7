package org.coopledger.api.savings;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.api.walkthrough.Cooperative.money;
import static org.coopledger.api.testsupport.LedgerClient.newKey;

/** The statement carries a running balance that agrees with every movement and with the balance on any date. */
class StatementTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BusinessCalendar calendar;

    Cooperative coop;
    LedgerClient teller;
    String account;
    String path;

    @BeforeEach
    void anAccountWithFiveMovements() {
        coop = new Cooperative(port, jdbc);
        teller = coop.newStaff("TELLER");
        String member = coop.registerMember(teller);
        account = coop.openAccount(teller, member, "JOD");
        String other = coop.fundedAccount(teller, member, "10.000", "JOD");
        path = "/api/v1/savings-accounts/" + account;
        teller.post(path + "/deposits", Map.of("amount", money("125.500", "JOD"), "reference", "salary"), newKey())
                .hasStatus(201);
        coop.withdraw(teller, account, "20.250", "JOD").hasStatus(201);
        coop.deposit(teller, account, "0.750", "JOD").hasStatus(201);
        teller.post("/api/v1/transfers", Map.of("fromAccountId", account, "toAccountId", other,
                "amount", money("6.000", "JOD"), "reference", "rent share"), newKey()).hasStatus(201);
        teller.post("/api/v1/transfers", Map.of("fromAccountId", other, "toAccountId", account,
                "amount", money("1.000", "JOD")), newKey()).hasStatus(201);
        Cooperative.awaitBalance(teller, account, "101.000");
    }

    @Test
    void eachLinesRunningBalanceIsThePreviousOnePlusOrMinusItsAmount() {
        JsonNode lines = Cooperative.awaitRead(teller, path + "/transactions", s -> s.path("lines").size() == 5)
                .path("lines");

        BigDecimal running = BigDecimal.ZERO;
        List<String> types = new ArrayList<>();
        for (JsonNode line : lines) {
            BigDecimal amount = new BigDecimal(line.path("amount").path("amount").asText());
            running = "CREDIT".equals(line.path("direction").asText()) ? running.add(amount) : running.subtract(amount);
            assertThat(new BigDecimal(line.path("balanceAfter").path("amount").asText())).isEqualByComparingTo(running);
            assertThat(line.path("transactionId").asText()).isNotBlank();
            assertThat(line.path("bookingDate").asText()).isEqualTo(calendar.today().toString());
            types.add(line.path("type").asText());
        }
        assertThat(types).containsExactly("DEPOSIT", "WITHDRAWAL", "DEPOSIT", "TRANSFER_OUT", "TRANSFER_IN");
        assertThat(lines.get(0).path("reference").asText()).isEqualTo("salary");
        assertThat(running).isEqualByComparingTo("101.000");
    }

    @Test
    void pagesFollowTheCursorWithoutGapsOrRepeats() {
        LedgerClient.Response first = teller.get(path + "/transactions?limit=2").hasStatus(200);
        assertThat(first.json().path("lines")).hasSize(2);
        String next = first.text("next");
        LedgerClient.Response second = teller.get(path + "/transactions?limit=2&after=" + next).hasStatus(200);
        LedgerClient.Response third = teller.get(path + "/transactions?limit=2&after=" + second.text("next")).hasStatus(200);

        List<Long> entries = new ArrayList<>();
        for (LedgerClient.Response page : List.of(first, second, third)) {
            page.json().path("lines").forEach(line -> entries.add(line.path("entryNo").asLong()));
        }
        assertThat(entries).hasSize(5).doesNotHaveDuplicates().isSorted();
        assertThat(third.json().has("next")).isFalse();
    }

    @Test
    void theBalanceAsOfADateIsTheBalanceAtTheEndOfThatDate() {
        LocalDate today = calendar.today();

        LedgerClient.Response yesterday = teller.get(path + "/balance?asOf=" + today.minusDays(1)).hasStatus(200);
        LedgerClient.Response now = teller.get(path + "/balance?asOf=" + today).hasStatus(200);
        LedgerClient.Response nextYear = teller.get(path + "/balance?asOf=" + today.plusYears(1)).hasStatus(200);
        LedgerClient.Response withoutDate = teller.get(path + "/balance").hasStatus(200);

        assertThat(yesterday.amount("balance")).isEqualTo("0.000");
        assertThat(now.amount("balance")).isEqualTo("101.000");
        assertThat(nextYear.amount("balance")).isEqualTo("101.000");
        assertThat(withoutDate.text("asOf")).isEqualTo(today.toString());
        assertThat(withoutDate.amount("balance")).isEqualTo("101.000");
        assertThat(now.json().path("balance").path("currency").asText()).isEqualTo("JOD");
    }

    @Test
    void aDateRangeSelectsByBookingDate() {
        LocalDate today = calendar.today();

        LedgerClient.Response beforeOpening = teller.get(path + "/transactions?to=" + today.minusDays(1)).hasStatus(200);
        LedgerClient.Response todayOnly = teller.get(path + "/transactions?from=" + today + "&to=" + today).hasStatus(200);

        assertThat(beforeOpening.json().path("lines")).isEmpty();
        assertThat(todayOnly.json().path("lines")).hasSize(5);
    }
}

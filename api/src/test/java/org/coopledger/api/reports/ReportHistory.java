package org.coopledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.testsupport.MutableClock;
import org.coopledger.api.walkthrough.Cooperative;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coopledger.api.testsupport.LedgerClient.newKey;
import static org.coopledger.api.walkthrough.Cooperative.money;

/**
 * Two members' money over four business dates, posted through the API with the clock set to
 * each date; the expectations of the report tests are computed by hand from it:
 *
 * <pre>
 * D1 2025-01-10  Amina (AMMAN-1, REFUGEE) opens A1 (product VOL-JOD) and deposits 100.000 JOD;
 *                buys 3 shares (USD 10.00 each).
 *                Omar (IRBID-2, MIGRANT_WORKER) opens O1 (JOD) and deposits 50.500; opens O2 (JOD), no deposit.
 * D2 2025-03-15  Amina withdraws 20.250 from A1 (79.750). Omar transfers 10.000 O1 → A1 (O1 40.500, A1 89.750).
 *                Amina opens A2 (USD) and deposits 200.00 (reference "=HYPERLINK(""x"")", a formula).
 * D3 2026-02-20  Amina deposits 5.000 in A1 (94.750, reference "rent, \"March\""); transfers 1.000 A1 → O2
 *                (A1 93.750, O2 1.000); redeems 1 share (2 left, 20.00); withdraws 200.00 from A2
 *                and closes it.
 * D4 2026-06-01  nothing: the clock stays here.
 * </pre>
 */
final class ReportHistory {

    static final LocalDate D1 = LocalDate.parse("2025-01-10");
    static final LocalDate D2 = LocalDate.parse("2025-03-15");
    static final LocalDate D3 = LocalDate.parse("2026-02-20");
    static final LocalDate D4 = LocalDate.parse("2026-06-01");
    static final String FORMULA_REFERENCE = "=HYPERLINK(\"x\")";
    static final String QUOTED_REFERENCE = "rent, \"March\"";

    private static final Map<Integer, ReportHistory> BUILT = new HashMap<>();

    final LedgerClient admin;
    final LedgerClient teller;
    final LedgerClient manager;
    final LedgerClient auditor;
    final String amina;
    final String omar;
    final LedgerClient aminaUser;
    final LedgerClient omarUser;
    final String a1;
    final String a2;
    final String o1;
    final String o2;

    /** The history of the context on {@code port}, built on first use. */
    static synchronized ReportHistory of(int port, MutableClock clock, JdbcTemplate jdbc) {
        return BUILT.computeIfAbsent(port, p -> new ReportHistory(p, clock, jdbc));
    }

    private ReportHistory(int port, MutableClock clock, JdbcTemplate jdbc) {
        Cooperative coop = new Cooperative(port, jdbc);
        clock.set(D1);
        admin = coop.admin();
        teller = coop.newStaff("TELLER");
        manager = coop.newStaff("MANAGER");
        auditor = coop.newStaff("AUDITOR");
        admin.post("/api/v1/savings-products", Map.of("productCode", "VOL-JOD", "name", "Voluntary savings",
                "minimumBalance", money("0.000", "JOD"))).hasStatus(201);
        amina = register(teller, "AMMAN-1", "REFUGEE");
        omar = register(teller, "IRBID-2", "MIGRANT_WORKER");
        aminaUser = coop.newMemberUser(amina);
        omarUser = coop.newMemberUser(omar);
        a1 = teller.post("/api/v1/savings-accounts", Map.of("memberId", amina, "productCode", "VOL-JOD"))
                .hasStatus(201).text("accountId");
        cash("deposits", a1, "100.000", "JOD", null);
        teller.post("/api/v1/members/" + amina + "/share-purchases", Map.of("shares", 3), newKey()).hasStatus(201);
        o1 = coop.openAccount(teller, omar, "JOD");
        cash("deposits", o1, "50.500", "JOD", null);
        o2 = coop.openAccount(teller, omar, "JOD");

        clock.set(D2);
        cash("withdrawals", a1, "20.250", "JOD", null);
        transfer(o1, a1, "10.000", "JOD");
        a2 = coop.openAccount(teller, amina, "USD");
        cash("deposits", a2, "200.00", "USD", FORMULA_REFERENCE);

        clock.set(D3);
        cash("deposits", a1, "5.000", "JOD", QUOTED_REFERENCE);
        transfer(a1, o2, "1.000", "JOD");
        teller.post("/api/v1/members/" + amina + "/share-redemptions", Map.of("shares", 1), newKey()).hasStatus(201);
        cash("withdrawals", a2, "200.00", "USD", null);
        teller.post("/api/v1/savings-accounts/" + a2 + "/closure", null, newKey()).hasStatus(200);

        clock.set(D4);
        awaitProjectionsCaughtUp(admin);
    }

    private String register(LedgerClient by, String branch, String segment) {
        Map<String, Object> body = Cooperative.memberBody("Member " + Cooperative.shortId());
        body.put("branch", branch);
        body.put("segment", segment);
        return by.post("/api/v1/members", body).hasStatus(201).text("memberId");
    }

    private void cash(String kind, String accountId, String amount, String currency, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", money(amount, currency));
        if (reference != null) {
            body.put("reference", reference);
        }
        teller.post("/api/v1/savings-accounts/" + accountId + "/" + kind, body, newKey()).hasStatus(201);
    }

    private void transfer(String from, String to, String amount, String currency) {
        teller.post("/api/v1/transfers", Map.of("fromAccountId", from, "toAccountId", to,
                "amount", money(amount, currency)), newKey()).hasStatus(201);
    }

    /** Every processor of the ledger has processed the last event in the store. */
    static void awaitProjectionsCaughtUp(LedgerClient admin) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode status = admin.get("/api/v1/admin/projections").hasStatus(200).json();
            long head = status.path("eventStoreHead").asLong();
            assertThat(status.path("processors")).isNotEmpty();
            for (JsonNode processor : status.path("processors")) {
                assertThat(processor.path("position").asLong(-1)).as(processor.toString()).isGreaterThanOrEqualTo(head);
            }
        });
    }
}

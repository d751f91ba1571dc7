package org.coopledger.api.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The people and records that the HTTP tests of members, savings, transfers, /me and reports
 * act on, created through the API itself with {@link LedgerClient}. The test context is shared,
 * so every call makes new users, members and accounts and never assumes an empty ledger.
 */
public final class Cooperative {

    public static final Duration PROJECTION_TIMEOUT = Duration.ofSeconds(10);

    private final LedgerClient admin;
    private final JdbcTemplate jdbc;

    public Cooperative(int port, JdbcTemplate jdbc) {
        this.admin = LedgerClient.admin(port);
        this.jdbc = jdbc;
    }

    public LedgerClient admin() {
        return admin;
    }

    /** A new staff user with the given role, created by the admin. */
    public LedgerClient newStaff(String role) {
        return admin.newUser(role);
    }

    /** A new MEMBER user linked to {@code memberId}. */
    public LedgerClient newMemberUser(String memberId) {
        return admin.newMemberUser(memberId);
    }

    /** A registration body for a refugee member without a passport yet; mutable, to vary per test. */
    public static Map<String, Object> memberBody(String legalName) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legalName", legalName);
        body.put("dateOfBirth", "1990-04-12");
        body.put("gender", "FEMALE");
        body.put("phone", "+962790000001");
        body.put("countryOfOrigin", "SD");
        body.put("address", "Amman");
        body.put("segment", "REFUGEE");
        body.put("document", Map.of("type", "NONE_YET"));
        body.put("branch", "AMMAN-1");
        return body;
    }

    /** Registers a member and answers their id. */
    public String registerMember(LedgerClient teller) {
        return teller.post("/api/v1/members", memberBody("Member " + shortId())).hasStatus(201).text("memberId");
    }

    /** Opens a plain account in {@code currency} and answers its id. */
    public String openAccount(LedgerClient teller, String memberId, String currency) {
        return teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", currency))
                .hasStatus(201).text("accountId");
    }

    /** Opens an account in {@code currency} and deposits {@code amount}; answers the account id. */
    public String fundedAccount(LedgerClient teller, String memberId, String amount, String currency) {
        String accountId = openAccount(teller, memberId, currency);
        deposit(teller, accountId, amount, currency).hasStatus(201);
        return accountId;
    }

    public LedgerClient.Response deposit(LedgerClient teller, String accountId, String amount, String currency) {
        return teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                Map.of("amount", money(amount, currency)), LedgerClient.newKey());
    }

    public LedgerClient.Response withdraw(LedgerClient teller, String accountId, String amount, String currency) {
        return teller.post("/api/v1/savings-accounts/" + accountId + "/withdrawals",
                Map.of("amount", money(amount, currency)), LedgerClient.newKey());
    }

    /** POST of a JSON text exactly as given (e.g. an amount as a JSON number) with an Idempotency-Key. */
    public static LedgerClient.Response postRaw(LedgerClient client, String path, String json, String key) {
        return client.call("POST", path).header("Idempotency-Key", key).rawBody(json, "application/json").send();
    }

    public static Map<String, String> money(String amount, String currency) {
        return Map.of("amount", amount, "currency", currency);
    }

    /** Events in the event store for one aggregate: the ground truth of "nothing changed". */
    public long events(String aggregateId) {
        Long count = jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, aggregateId);
        return count == null ? 0 : count;
    }

    /** What a client and the event store show of one account, to prove that a refused request changed nothing. */
    public record AccountSnapshot(long events, JsonNode account, JsonNode statement) {
    }

    /** Waits until the projections show {@code balance}, then records the account as it stands. */
    public AccountSnapshot settled(LedgerClient reader, String accountId, String balance) {
        awaitBalance(reader, accountId, balance);
        return snapshot(reader, accountId);
    }

    public AccountSnapshot snapshot(LedgerClient reader, String accountId) {
        String path = "/api/v1/savings-accounts/" + accountId;
        return new AccountSnapshot(events(accountId), reader.get(path).hasStatus(200).json(),
                reader.get(path + "/transactions").hasStatus(200).json());
    }

    /** Same events in the store, same account and same statement as in {@code before}. */
    public void assertUnchanged(LedgerClient reader, String accountId, AccountSnapshot before) {
        assertThat(snapshot(reader, accountId)).isEqualTo(before);
    }

    /** Waits until GET {@code path} answers 200 with a body that satisfies {@code until}; answers that body. */
    public static JsonNode awaitRead(LedgerClient client, String path, Predicate<JsonNode> until) {
        AtomicReference<JsonNode> seen = new AtomicReference<>();
        await().atMost(PROJECTION_TIMEOUT).untilAsserted(() -> {
            LedgerClient.Response response = client.get(path);
            assertThat(response.status()).as("GET %s: %s", path, response).isEqualTo(200);
            assertThat(until.test(response.json())).as("GET %s: %s", path, response).isTrue();
            seen.set(response.json());
        });
        return seen.get();
    }

    /** Waits until the account's projection shows {@code balance} (a decimal string). */
    public static JsonNode awaitBalance(LedgerClient client, String accountId, String balance) {
        return awaitRead(client, "/api/v1/savings-accounts/" + accountId,
                account -> balance.equals(account.path("balance").path("amount").asText()));
    }

    public static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

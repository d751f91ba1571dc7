package org.coopledger.api.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.core.axon.AggregateCacheConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Savings accounts are snapshotted every few events (five here), so that loading one after a
 * restart or an eviction does not read its whole history. A snapshot is only a shortcut: the
 * account it gives must be the one its events give.
 */
@TestPropertySource(properties = "ledger.snapshots.savings-account-events=5")
class SnapshotTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Snapshotter snapshotter;
    @Autowired
    @Qualifier(AggregateCacheConfiguration.SAVINGS_ACCOUNTS)
    Cache savingsAccounts;

    @Test
    void anAccountLoadedFromItsSnapshotEqualsTheAccountItsEventsGive() throws Exception {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        String accountId = openAccount(teller);
        for (int i = 1; i <= 7; i++) {
            deposit(teller, accountId, "10.00");
        }
        teller.post("/api/v1/savings-accounts/" + accountId + "/holds",
                Map.of("holdId", "pledge-1", "amount", Map.of("amount", "15.00", "currency", "USD"),
                        "reason", "guarantee"), LedgerClient.newKey()).hasStatus(201);
        withdraw(teller, accountId, "3.00");
        awaitSnapshot(accountId);
        Class<?> type = savingsAccountType(accountId);

        // Snapshot-loaded: the latest snapshot plus the events after it, taken again as a snapshot.
        Snapshot fromSnapshot = snapshotNow(type, accountId);
        // Event-loaded: no snapshot left, so the whole history.
        jdbc.update("DELETE FROM snapshot_event_entry WHERE aggregate_identifier = ?", accountId);
        Snapshot fromEvents = snapshotNow(type, accountId);

        assertThat(fromSnapshot.sequence()).isEqualTo(fromEvents.sequence()).isEqualTo(lastSequence(accountId));
        assertThat(fromSnapshot.state()).isEqualTo(fromEvents.state());
        assertThat(fromEvents.state().at("/balance/amount").asText()).isEqualTo("67.00");
        assertThat(fromEvents.state().at("/holds/pledge-1/amount").asText()).isEqualTo("15.00");
    }

    @Test
    void anAccountNoLongerCachedPostsFromItsSnapshotAndTheHistoryAfterIt() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        String accountId = openAccount(teller);
        for (int i = 1; i <= 12; i++) {
            deposit(teller, accountId, "1.00");
        }
        awaitSnapshot(accountId);
        savingsAccounts.removeAll();

        String balance = deposit(teller, accountId, "0.50");

        assertThat(new BigDecimal(balance)).isEqualByComparingTo("12.50");
    }

    /** The snapshotter is called with the aggregate class; only its name is needed here. */
    private Class<?> savingsAccountType(String accountId) throws ClassNotFoundException {
        String type = jdbc.queryForObject("SELECT payload_type FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC LIMIT 1", String.class, accountId);
        return Class.forName(type);
    }

    /**
     * Takes a snapshot at the account's last event. The snapshotter skips an account whose
     * snapshot is being taken (by the trigger, in the background): asks again until it is done.
     */
    private Snapshot snapshotNow(Class<?> type, String accountId) {
        long last = lastSequence(accountId);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (true) {
            snapshotter.scheduleSnapshot(type, accountId);
            List<Snapshot> all = snapshots(accountId);
            if (!all.isEmpty() && all.get(0).sequence() == last) {
                return all.get(0);
            }
            assertThat(Instant.now()).as("a snapshot at the last event was taken").isBefore(deadline);
            pause();
        }
    }

    private void awaitSnapshot(String accountId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (snapshots(accountId).isEmpty()) {
            assertThat(Instant.now()).as("a snapshot of the account was taken").isBefore(deadline);
            pause();
        }
    }

    private record Snapshot(long sequence, JsonNode state) {
    }

    private List<Snapshot> snapshots(String accountId) {
        return jdbc.query("SELECT sequence_number, payload FROM snapshot_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number DESC", (rs, row) -> new Snapshot(rs.getLong(1), parse(rs.getBytes(2))), accountId);
    }

    private long lastSequence(String accountId) {
        return jdbc.queryForObject("SELECT max(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class, accountId);
    }

    private static JsonNode parse(byte[] payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String openAccount(LedgerClient teller) {
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Snapshot Member", "dateOfBirth",
                "1988-02-03", "gender", "MALE", "phone", "+256700000998", "countryOfOrigin", "SS", "address",
                "Kampala", "segment", "REFUGEE", "document", Map.of("type", "NONE_YET"), "branch", "KLA-1"))
                .hasStatus(201).text("memberId");
        return teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                .hasStatus(201).text("accountId");
    }

    private static String deposit(LedgerClient teller, String accountId, String amount) {
        return teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                        Map.of("amount", Map.of("amount", amount, "currency", "USD")), LedgerClient.newKey())
                .hasStatus(201).amount("balance");
    }

    private static void withdraw(LedgerClient teller, String accountId, String amount) {
        teller.post("/api/v1/savings-accounts/" + accountId + "/withdrawals",
                Map.of("amount", Map.of("amount", amount, "currency", "USD")), LedgerClient.newKey()).hasStatus(201);
    }
}

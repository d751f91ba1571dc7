package org.coopledger.ops.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.ops.bench.LedgerHttp;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checking side of the crash test, run against the restarted ledger: a real client's
 * retry of every request of the log that got no 2xx (same key, same body), then the event
 * store must hold each key's deposit exactly once — an acknowledged one under the transaction
 * id it was acknowledged with — and no other deposit on the accounts under load; finally the
 * projections must show every account's balance as the sum of its deposits.
 */
public final class CrashCheck {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final LedgerHttp teller;
    private final DataSource database;
    private final PrintStream out;

    public CrashCheck(LedgerHttp teller, DataSource database, PrintStream out) {
        this.teller = teller;
        this.database = database;
        this.out = out;
    }

    /** Answers the problems found; empty when the ledger kept its word. */
    public List<String> run(Path logFile, Duration timeout) throws IOException, InterruptedException, SQLException {
        CrashLog.Contents log = CrashLog.read(logFile);
        List<String> problems = new ArrayList<>();
        List<CrashLog.Entry> acknowledged = log.requests().values().stream().filter(CrashLog.Entry::acknowledged).toList();
        List<CrashLog.Entry> unacknowledged = log.requests().values().stream().filter(e -> !e.acknowledged()).toList();
        out.printf("crash-check: %d requests in the log, %d acknowledged, %d without a 2xx, %d accounts%n",
                log.requests().size(), acknowledged.size(), unacknowledged.size(), log.accounts().size());
        if (acknowledged.isEmpty()) {
            problems.add("no request was acknowledged before the crash: the load did not run");
        }

        Set<String> storedBeforeRetry = deposits(log.accounts()).keySet();
        long deadline = System.nanoTime() + timeout.toNanos();
        int committedUnacknowledged = 0;
        for (CrashLog.Entry entry : unacknowledged) {
            Deposit.Answer answer = retry(entry, deadline);
            if (!answer.acknowledged()) {
                problems.add("retry of " + entry.key + " answered " + answer.status());
                continue;
            }
            if (storedBeforeRetry.contains(answer.transactionId())) {
                committedUnacknowledged++; // committed before the crash, its answer lost: replayed, not posted again
            }
            entry.status = answer.status();
            entry.transactionId = answer.transactionId();
        }
        // The acknowledged ones replay their first answer too: the key record survived with the events.
        for (CrashLog.Entry entry : acknowledged) {
            Deposit.Answer replay = retry(entry, deadline);
            if (!replay.acknowledged() || !entry.transactionId.equals(replay.transactionId())) {
                problems.add("acknowledged " + entry.key + " (" + entry.transactionId + ") now answers "
                        + replay.status() + " " + replay.transactionId());
            }
        }
        out.printf("crash-check: retried %d (%d had been committed before the crash, %d posted now)%n",
                unacknowledged.size(), committedUnacknowledged, unacknowledged.size() - committedUnacknowledged);

        Map<String, Integer> stored = deposits(log.accounts());
        Set<String> expected = new HashSet<>();
        for (CrashLog.Entry entry : log.requests().values()) {
            if (entry.transactionId == null) {
                continue;
            }
            expected.add(entry.transactionId);
            int times = stored.getOrDefault(entry.transactionId, 0);
            if (times != 1) {
                problems.add("deposit " + entry.key + " (" + entry.transactionId + ") is stored " + times + " times");
            }
        }
        for (String transactionId : stored.keySet()) {
            if (!expected.contains(transactionId)) {
                problems.add("deposit " + transactionId + " is stored but no request of the log posted it");
            }
        }
        int events = stored.values().stream().mapToInt(Integer::intValue).sum();
        out.printf("crash-check: %d deposits stored for %d keys%n", events, log.requests().size());
        for (Map.Entry<String, Integer> other : otherEvents(log.accounts()).entrySet()) {
            problems.add(other.getValue() + " event(s) of type " + other.getKey() + " on the accounts under load");
        }

        problems.addAll(awaitProjections(log, deadline));
        return problems;
    }

    private Deposit.Answer retry(CrashLog.Entry entry, long deadline) throws InterruptedException {
        while (true) {
            Deposit.Answer answer = Deposit.send(teller, entry.accountId, entry.amount, entry.key);
            boolean unavailable = answer.status() == -1 || answer.status() == 503 || answer.status() == 409;
            if (!unavailable || System.nanoTime() > deadline) {
                return answer;
            }
            Thread.sleep(250);
        }
    }

    /** Transaction id → how many DepositRecorded events carry it, on the accounts under load. */
    private Map<String, Integer> deposits(List<String> accounts) throws SQLException, IOException {
        Map<String, Integer> stored = new HashMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ANY (?)"
                             + " AND payload_type LIKE '%DepositRecorded'")) {
            statement.setArray(1, connection.createArrayOf("varchar", accounts.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    JsonNode event = JSON.readTree(new String(rows.getBytes(1), StandardCharsets.UTF_8));
                    stored.merge(event.path("transactionId").asText(), 1, Integer::sum);
                }
            }
        }
        return stored;
    }

    /** Events on the accounts other than their opening and the deposits: there must be none. */
    private Map<String, Integer> otherEvents(List<String> accounts) throws SQLException {
        Map<String, Integer> other = new HashMap<>();
        try (Connection connection = database.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT payload_type, count(*) FROM domain_event_entry WHERE aggregate_identifier = ANY (?)"
                             + " AND payload_type NOT LIKE '%DepositRecorded' AND payload_type NOT LIKE '%AccountOpened'"
                             + " GROUP BY payload_type")) {
            statement.setArray(1, connection.createArrayOf("varchar", accounts.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    other.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return other;
    }

    /** Each account's balance in the projection must reach the sum of its logged deposits. */
    private List<String> awaitProjections(CrashLog.Contents log, long deadline) throws InterruptedException {
        Map<String, BigDecimal> expected = new HashMap<>();
        log.accounts().forEach(account -> expected.put(account, BigDecimal.ZERO));
        log.requests().values().forEach(e -> expected.merge(e.accountId, new BigDecimal(e.amount), BigDecimal::add));
        List<String> behind = new ArrayList<>();
        long started = System.nanoTime();
        for (Map.Entry<String, BigDecimal> account : expected.entrySet()) {
            String shown = null;
            while (System.nanoTime() < deadline) {
                shown = balance(account.getKey());
                if (shown != null && new BigDecimal(shown).compareTo(account.getValue()) == 0) {
                    break;
                }
                Thread.sleep(200);
            }
            if (shown == null || new BigDecimal(shown).compareTo(account.getValue()) != 0) {
                behind.add("account " + account.getKey() + " shows " + shown + ", its deposits sum to " + account.getValue());
            }
        }
        out.printf("crash-check: projections caught up in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        return behind;
    }

    private String balance(String accountId) throws InterruptedException {
        try {
            LedgerHttp.Reply reply = teller.get("/api/v1/savings-accounts/" + accountId);
            return reply.ok() ? reply.json().path("balance").path("amount").asText() : null;
        } catch (IOException e) {
            return null;
        }
    }
}

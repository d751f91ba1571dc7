package org.coopledger.api.database;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.LedgerApplication;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL stops in the middle of a posting load and comes back: meanwhile every request is
 * answered 503 DATABASE_UNAVAILABLE with Retry-After (never 500, never 401 for good
 * credentials) and health is DOWN; afterwards the same application, not restarted, posts again,
 * its processors catch up, and every acknowledged deposit is in the event store exactly once —
 * as is every unacknowledged one once its client has retried it with the same key.
 */
class DatabaseOutageTest {

    private static final int CLIENTS = 4;
    private static final String AMOUNT = "1.000";

    @TempDir
    Path dataDir;

    /** One request of the load: its key and every answer it got. */
    private record Sent(String accountId, String key, List<String> answers, String[] transactionId) {
    }

    @Test
    void theApiAnswers503DuringADatabaseOutageAndRecoversWithoutLosingAcknowledgedPostings() throws Exception {
        int dbPort = freePort();
        EmbeddedPostgresServer db = EmbeddedPostgresServer.start(dataDir, dbPort);
        try (ConfigurableApplicationContext app = start(dbPort)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcTemplate jdbc = new JdbcTemplate(app.getBean(DataSource.class));
            Cooperative coop = new Cooperative(port, jdbc);
            LedgerClient teller = coop.newStaff("TELLER");
            LedgerClient unusedTeller = coop.newStaff("TELLER"); // never authenticated: not in the credential cache
            List<String> accounts = new ArrayList<>();
            for (int i = 0; i < CLIENTS; i++) {
                accounts.add(coop.openAccount(teller, coop.registerMember(teller), "JOD"));
            }

            ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
            Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            List<String> wrongAnswers = new ArrayList<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicLong first503 = new AtomicLong();
            AtomicLong firstSuccessAfterRestart = new AtomicLong();
            AtomicLong restartedAt = new AtomicLong(Long.MAX_VALUE);
            ExecutorService load = Executors.newFixedThreadPool(CLIENTS);
            for (String account : accounts) {
                load.submit(() -> {
                    while (running.get()) {
                        Sent request = new Sent(account, LedgerClient.newKey(), new ArrayList<>(), new String[1]);
                        sent.add(request);
                        LedgerClient.Response answer = deposit(teller, request);
                        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (answer.status() == 503) {
                            first503.compareAndSet(0, System.nanoTime());
                            String problem = checkOutageProblem(answer);
                            if (problem != null) {
                                synchronized (wrongAnswers) {
                                    wrongAnswers.add(problem);
                                }
                            }
                            sleep(100);
                        } else if (answer.status() == 201) {
                            if (System.nanoTime() > restartedAt.get()) {
                                firstSuccessAfterRestart.compareAndSet(0, System.nanoTime());
                            }
                        } else {
                            synchronized (wrongAnswers) {
                                wrongAnswers.add("unexpected " + answer);
                            }
                        }
                    }
                    return null;
                });
            }

            await().atMost(Duration.ofSeconds(30)).until(() -> count(statuses, 201) >= 20);
            long stoppedAt = System.nanoTime();
            db.close();
            await().atMost(Duration.ofSeconds(30)).until(() -> first503.get() != 0);

            // Meanwhile: health is DOWN, and a user the cache does not know gets 503, not 401.
            LedgerClient.Response health = LedgerClient.anonymous(port).get("/actuator/health");
            assertThat(health.status()).as("health during the outage: %s", health).isEqualTo(503);
            assertThat(health.text("status")).isEqualTo("DOWN");
            LedgerClient.Response uncached = unusedTeller.get("/api/v1/savings-accounts/" + accounts.get(0));
            assertThat(checkOutageProblem(uncached)).as("an uncached user during the outage").isNull();
            int before = count(statuses, 503);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(statuses, 503) >= before + 2 * CLIENTS);

            restartedAt.set(System.nanoTime());
            db = EmbeddedPostgresServer.start(dataDir, dbPort);
            await().atMost(Duration.ofSeconds(60)).until(() -> firstSuccessAfterRestart.get() != 0);
            int successes = count(statuses, 201);
            await().atMost(Duration.ofSeconds(30)).until(() -> count(statuses, 201) >= successes + 20);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

            System.out.printf("Database outage: first 503 %d ms after the stop, first posting %d ms after the restart;"
                            + " answers %s%n", (first503.get() - stoppedAt) / 1_000_000,
                    (firstSuccessAfterRestart.get() - restartedAt.get()) / 1_000_000, statuses);
            assertThat(wrongAnswers).as("answers other than 201 or a proper 503").isEmpty();
            assertThat(count(statuses, 503)).isPositive();
            assertThat(LedgerClient.anonymous(port).get("/actuator/health").status()).isEqualTo(200);

            // A real client retries what was not acknowledged, with the same key.
            for (Sent request : sent) {
                if (request.transactionId()[0] == null) {
                    deposit(teller, request).hasStatus(201);
                }
            }
            assertExactlyOnce(jdbc, sent);
            // The processors caught up: each account shows exactly its deposits. Their retries back
            // off exponentially during an outage, hence more time than for a normal read.
            Map<String, Integer> perAccount = new HashMap<>();
            sent.forEach(request -> perAccount.merge(request.accountId(), 1, Integer::sum));
            for (String account : accounts) {
                String expected = new BigDecimal(AMOUNT).multiply(BigDecimal.valueOf(perAccount.get(account)))
                        .setScale(3).toPlainString();
                await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                        teller.get("/api/v1/savings-accounts/" + account).json().path("balance").path("amount").asText())
                        .isEqualTo(expected));
            }
        } finally {
            db.close();
        }
    }

    private static LedgerClient.Response deposit(LedgerClient teller, Sent request) {
        LedgerClient.Response answer;
        try {
            answer = teller.post("/api/v1/savings-accounts/" + request.accountId() + "/deposits",
                    Map.of("amount", Map.of("amount", AMOUNT, "currency", "JOD")), request.key());
        } catch (UncheckedIOException e) {
            throw new AssertionError("no answer from the application", e);
        }
        request.answers().add(Integer.toString(answer.status()));
        if (answer.status() == 201) {
            String id = answer.text("transactionId");
            if (request.transactionId()[0] != null) {
                assertThat(id).as("a retry answers the first transaction").isEqualTo(request.transactionId()[0]);
            }
            request.transactionId()[0] = id;
        }
        return answer;
    }

    /** Null when {@code answer} is the 503 DATABASE_UNAVAILABLE problem with Retry-After. */
    private static String checkOutageProblem(LedgerClient.Response answer) {
        if (answer.status() != 503 || !String.valueOf(answer.contentType()).startsWith("application/problem+json")
                || !"DATABASE_UNAVAILABLE".equals(answer.code()) || answer.header("Retry-After") == null) {
            return "not a 503 DATABASE_UNAVAILABLE with Retry-After: " + answer + " Retry-After=" + answer.header("Retry-After");
        }
        return null;
    }

    /** Each key's deposit is one DepositRecorded event carrying the acknowledged transaction id, and nothing else was posted. */
    private static void assertExactlyOnce(JdbcTemplate jdbc, ConcurrentLinkedQueue<Sent> sent) {
        Map<String, Integer> recorded = new HashMap<>();
        List<byte[]> payloads = jdbc.queryForList(
                "SELECT payload FROM domain_event_entry WHERE payload_type LIKE '%DepositRecorded'", byte[].class);
        for (byte[] payload : payloads) {
            try {
                JsonNode event = LedgerClient.json().readTree(new String(payload, StandardCharsets.UTF_8));
                recorded.merge(event.path("transactionId").asText(), 1, Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(recorded).as("deposits in the event store").hasSize(sent.size());
        for (Sent request : sent) {
            assertThat(recorded.get(request.transactionId()[0]))
                    .as("events of transaction %s (answers %s)", request.transactionId()[0], request.answers())
                    .isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start(int dbPort) {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.db.url=jdbc:postgresql://127.0.0.1:" + dbPort + "/postgres",
                "--ledger.db.username=postgres",
                "--ledger.db.pool-size=8",
                "--server.port=0",
                "--ledger.security.admin-password=" + IntegrationTest.ADMIN_PASSWORD);
    }

    private static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

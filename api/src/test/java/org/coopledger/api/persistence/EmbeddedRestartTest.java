package org.coopledger.api.persistence;

import org.coopledger.api.LedgerApplication;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default is a durable ledger, not a demo: stop the application, start it again
 * on the same data folder, and the members, balances and statements are all still there.
 */
class EmbeddedRestartTest {

    @TempDir
    Path dataDir;

    @Test
    void balancesSurviveARestartOfTheEmbeddedDefaultWhichCommitsDurably() {
        String accountId;
        LedgerClient teller;
        try (ConfigurableApplicationContext first = start()) {
            assertDurableCommits(first);
            LedgerClient admin = LedgerClient.admin(port(first));
            teller = admin.newUser("TELLER");
            String memberId = teller.post("/api/v1/members", Map.of("legalName", "Restart Member",
                    "dateOfBirth", "1979-03-03", "gender", "FEMALE", "phone", "+9620000000",
                    "countryOfOrigin", "SY", "address", "Zarqa", "segment", "REFUGEE",
                    "document", Map.of("type", "REFUGEE_CERTIFICATE", "number", "RC-1"), "branch", "ZRQ"))
                    .hasStatus(201).text("memberId");
            accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "JOD"))
                    .hasStatus(201).text("accountId");
            teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                    Map.of("amount", Map.of("amount", "42.125", "currency", "JOD")), LedgerClient.newKey())
                    .hasStatus(201);
            awaitBalance(teller, accountId, "42.125");
        }
        assertThat(Files.exists(dataDir.resolve("postgres").resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start()) {
            LedgerClient sameTeller = LedgerClient.anonymous(port(second)).as(teller.username(), teller.password());
            awaitBalance(sameTeller, accountId, "42.125");
            assertThat(sameTeller.get("/api/v1/savings-accounts/" + accountId + "/transactions").hasStatus(200)
                    .json().path("lines")).hasSize(1);
            sameTeller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                    Map.of("amount", Map.of("amount", "0.875", "currency", "JOD")), LedgerClient.newKey())
                    .hasStatus(201);
            awaitBalance(sameTeller, accountId, "43.000");
        }
    }

    /** An acknowledged deposit must survive a power cut, not only a clean stop. */
    private static void assertDurableCommits(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        assertThat(jdbc.queryForObject("SHOW fsync", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW synchronous_commit", String.class)).isEqualTo("on");
        assertThat(jdbc.queryForObject("SHOW full_page_writes", String.class)).isEqualTo("on");
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(LedgerApplication.class).run(
                "--ledger.db.url=",
                "--ledger.db.data-dir=" + dataDir,
                "--server.port=0",
                "--ledger.security.admin-password=" + IntegrationTest.ADMIN_PASSWORD);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static void awaitBalance(LedgerClient client, String accountId, String amount) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(client.get("/api/v1/savings-accounts/" + accountId).hasStatus(200).amount("balance"))
                        .isEqualTo(amount));
    }
}

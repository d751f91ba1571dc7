package org.coopledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.testsupport.TestDatabase;
import org.coopledger.reporting.chain.ChainLink;
import org.coopledger.reporting.chain.ChainProblem.Kind;
import org.coopledger.reporting.chain.ChainReport;
import org.coopledger.reporting.chain.ChainVerifier;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hash chain on a running ledger. Tampering is done on a COPY of the ledger's event store
 * and chain (a fresh database, migrated, rows copied), never on the live one: the running
 * ledger, its chain keeper and other tests never see the damage, and no test has to put it back.
 * (CREATE DATABASE ... TEMPLATE would need the live database without connections, which a
 * running ledger never is.) This class has its own context and database: a short gap window
 * keeps the keeper from waiting a minute behind a rolled-back transaction.
 */
// A small pool, and closed after the class: this context is this class's alone, and the test
// PostgreSQL's connection limit is shared with every other context of the run.
@TestPropertySource(properties = {"ledger.chain.gap-window=2s", "ledger.chain.interval=200ms", "ledger.db.pool-size=10"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuditChainTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private LedgerClient teller;
    private LedgerClient auditor;

    @BeforeEach
    void someActivity() {
        LedgerClient admin = LedgerClient.admin(port);
        teller = admin.newUser("TELLER");
        auditor = admin.newUser("AUDITOR");
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Chain Member", "dateOfBirth",
                "1985-05-05", "gender", "FEMALE", "phone", "+9627000009", "countryOfOrigin", "SY",
                "address", "Zarqa", "segment", "REFUGEE", "document", Map.of("type", "NONE_YET"),
                "branch", "ZRQ")).hasStatus(201).text("memberId");
        String accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                .hasStatus(201).text("accountId");
        for (String amount : List.of("10.00", "20.00", "30.00")) {
            teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                    Map.of("amount", Map.of("amount", amount, "currency", "USD")), LedgerClient.newKey()).hasStatus(201);
        }
    }

    @Test
    void theKeeperLinksNewEventsWithinSecondsAndTheHeadAnswers() {
        long last = lastGlobalIndex();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(auditor.get("/api/v1/audit/chain/head").hasStatus(200).json().path("globalIndex").asLong())
                        .isGreaterThanOrEqualTo(last));
        JsonNode head = auditor.get("/api/v1/audit/chain/head").hasStatus(200).json();
        String stored = ChainLink.hex(jdbc.queryForObject("SELECT link FROM event_chain WHERE global_index = ?",
                byte[].class, head.path("globalIndex").asLong()));
        assertThat(head.path("link").asText()).hasSize(64).isEqualTo(stored);
    }

    @Test
    void anUntouchedLedgerVerifiesCleanThroughTheApi() {
        awaitLinked();
        JsonNode report = auditor.post("/api/v1/audit/verifications", Map.of()).hasStatus(200).json();
        assertThat(report.path("status").asText()).isEqualTo("CLEAN");
        JsonNode chain = report.path("chain");
        assertThat(chain.path("status").asText()).isEqualTo("CLEAN");
        assertThat(chain.path("eventsChecked").asLong()).isGreaterThanOrEqualTo(5);
        assertThat(chain.path("headLink").asText()).hasSize(64);
        assertThat(chain.has("durationMillis")).isTrue();
        assertThat(chain.path("firstProblem").isMissingNode() || chain.path("firstProblem").isNull()).isTrue();
    }

    @Test
    void anOnDemandCheckpointStoresTheHead() {
        awaitLinked();
        JsonNode head = auditor.post("/api/v1/audit/chain/checkpoints", Map.of()).hasStatus(200).json();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM event_chain_checkpoint WHERE global_index = ?",
                Long.class, head.path("globalIndex").asLong())).isEqualTo(1);
    }

    @Test
    void onlyAuditorsReadTheChainOrVerifyIt() {
        teller.get("/api/v1/audit/chain/head").isProblem(403, "FORBIDDEN");
        teller.post("/api/v1/audit/verifications", Map.of()).isProblem(403, "FORBIDDEN");
        teller.post("/api/v1/audit/chain/checkpoints", Map.of()).isProblem(403, "FORBIDDEN");
        LedgerClient.anonymous(port).post("/api/v1/audit/verifications", Map.of()).isProblem(401);
    }

    @Test
    void anAlteredPayloadInACopyIsReportedAtItsIndex() {
        long index = awaitLinked() - 2;
        DriverManagerDataSource copy = copyOfTheLedger();
        new JdbcTemplate(copy).update("UPDATE domain_event_entry SET payload = replace(convert_from(payload, 'UTF8'), "
                + "'.00', '.01')::bytea WHERE global_index = ?", index);
        assertFirstProblem(copy, Kind.ALTERED, index);
    }

    @Test
    void aDeletedEventInACopyIsReportedAtItsIndex() {
        long index = awaitLinked() - 1;
        DriverManagerDataSource copy = copyOfTheLedger();
        new JdbcTemplate(copy).update("DELETE FROM domain_event_entry WHERE global_index = ?", index);
        assertFirstProblem(copy, Kind.DELETED, index);
    }

    @Test
    void twoSwappedGlobalIndexesInACopyAreReportedAtTheFirstOfThem() {
        long last = awaitLinked();
        DriverManagerDataSource copy = copyOfTheLedger();
        JdbcTemplate copied = new JdbcTemplate(copy);
        copied.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = ?", last - 3);
        copied.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = ?", last - 3, last);
        copied.update("UPDATE domain_event_entry SET global_index = ? WHERE global_index = -1", last);
        assertFirstProblem(copy, Kind.INSERTED_OUT_OF_ORDER, last - 3);
    }

    private void assertFirstProblem(DriverManagerDataSource copy, Kind kind, long index) {
        ChainReport report = new ChainVerifier(copy).verify();
        assertThat(report.status()).isEqualTo(ChainReport.Status.DIFFERENCES);
        assertThat(report.firstProblem().kind()).isEqualTo(kind);
        assertThat(report.firstProblem().globalIndex()).isEqualTo(index);
    }

    /** Waits until the chain covers every event so far; answers the last global index. */
    private long awaitLinked() {
        long last = lastGlobalIndex();
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT global_index FROM event_chain_head", Long.class) >= last);
        return last;
    }

    private long lastGlobalIndex() {
        return jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
    }

    /** A fresh database with the ledger's schema, holding a copy of the event store and its chain. */
    private DriverManagerDataSource copyOfTheLedger() {
        TestDatabase.Database db = TestDatabase.shared().freshDatabase();
        DriverManagerDataSource copy = new DriverManagerDataSource(db.url(), db.username(), db.password());
        Flyway.configure().dataSource(copy).locations("classpath:db/migration").load().migrate();
        JdbcTemplate target = new JdbcTemplate(copy);
        target.update("DELETE FROM event_chain_head");
        for (String table : List.of("domain_event_entry", "event_chain", "event_chain_head", "event_chain_checkpoint")) {
            for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM " + table)) {
                String marks = String.join(", ", Collections.nCopies(row.size(), "?"));
                target.update("INSERT INTO " + table + " (" + String.join(", ", row.keySet()) + ") VALUES (" + marks + ")",
                        row.values().toArray());
            }
        }
        return copy;
    }
}

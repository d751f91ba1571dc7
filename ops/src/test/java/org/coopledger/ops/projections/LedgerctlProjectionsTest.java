package org.coopledger.ops.projections;

import org.coopledger.api.LedgerApplication;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.ops.cli.Ledgerctl;
import org.coopledger.reporting.ProcessorConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code ledgerctl projections} against a running ledger: every processor, its position and lag. */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(properties = "ledger.db.pool-size=6")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LedgerctlProjectionsTest extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    private String run(String... options) {
        StringWriter stdout = new StringWriter();
        List<String> args = new java.util.ArrayList<>(List.of("projections",
                "--db-url", environment.getProperty("ledger.db.url"),
                "--db-user", environment.getProperty("ledger.db.username"),
                "--db-password", environment.getProperty("ledger.db.password")));
        args.addAll(List.of(options));
        assertThat(new CommandLine(new Ledgerctl()).setOut(new PrintWriter(stdout)).execute(args.toArray(String[]::new)))
                .isZero();
        return stdout.toString();
    }

    @Test
    void theProjectionsProcessorIsListedAtTheHeadOfTheEventStoreOnceItHasCaughtUp() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Status Member", "dateOfBirth",
                "1991-03-03", "gender", "MALE", "phone", "+2567000001", "countryOfOrigin", "SS",
                "address", "Kampala", "segment", "REFUGEE", "document", Map.of("type", "NONE_YET"),
                "branch", "KLA")).hasStatus(201).text("memberId");
        String accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                .hasStatus(201).text("accountId");
        teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                Map.of("amount", Map.of("amount", "42.00", "currency", "USD")), LedgerClient.newKey()).hasStatus(201);
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);

        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            String out = run("--watch", "1");
            assertThat(out).contains("event store head: " + head);
            assertThat(out.lines().filter(line -> line.startsWith(ProcessorConfiguration.PROCESSOR + " "))
                    .reduce((a, b) -> b).orElseThrow().trim().split("\\s+"))
                    .as(out)
                    .satisfies(cells -> {
                        assertThat(cells[1]).isEqualTo("4");
                        assertThat(cells[2]).isEqualTo(Long.toString(head));
                        assertThat(cells[3]).isEqualTo("0");
                        assertThat(cells[5]).isEqualTo("0");
                    });
            assertThat(out).doesNotContain("indexes dropped");
        });
    }

    /** What a crash in the middle of a rebuild leaves for the next start: the operator sees it without the ledger. */
    @Test
    void indexesARebuildDroppedAndHasNotBuiltAgainAreListed() {
        jdbc.update("INSERT INTO parked_index (index_name, table_name, definition) VALUES (?, ?, ?)",
                "no_such_idx", "journal_line", "CREATE INDEX no_such_idx ON journal_line (booking_date)");
        try {
            assertThat(run()).contains("indexes dropped by a rebuild, not built again yet").contains("no_such_idx");
        } finally {
            jdbc.update("DELETE FROM parked_index WHERE index_name = 'no_such_idx'");
        }
    }
}

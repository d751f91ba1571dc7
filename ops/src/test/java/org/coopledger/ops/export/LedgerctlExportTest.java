package org.coopledger.ops.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.api.LedgerApplication;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.ops.cli.Ledgerctl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code ledgerctl export} and the chain check of {@code ledgerctl verify} against a running
 * ledger. Own context and database (short gap window, so the keeper never waits a minute);
 * the one tampering below is put back before the test ends.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// A small pool, and closed after the class: this context is this class's alone, and the test
// PostgreSQL's connection limit is shared with every other context of the run.
@TestPropertySource(properties = {"ledger.chain.gap-window=2s", "ledger.chain.interval=200ms", "ledger.db.pool-size=10"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class LedgerctlExportTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Environment environment;

    @TempDir
    Path folder;

    @BeforeEach
    void someActivity() {
        LedgerClient teller = LedgerClient.admin(port).newUser("TELLER");
        String memberId = teller.post("/api/v1/members", Map.of("legalName", "Export Member", "dateOfBirth",
                "1991-03-03", "gender", "MALE", "phone", "+2567000001", "countryOfOrigin", "SS",
                "address", "Kampala", "segment", "REFUGEE", "document", Map.of("type", "NONE_YET"),
                "branch", "KLA")).hasStatus(201).text("memberId");
        String accountId = teller.post("/api/v1/savings-accounts", Map.of("memberId", memberId, "currency", "USD"))
                .hasStatus(201).text("accountId");
        teller.post("/api/v1/savings-accounts/" + accountId + "/deposits",
                Map.of("amount", Map.of("amount", "42.00", "currency", "USD")), LedgerClient.newKey()).hasStatus(201);
        long last = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                jdbc.queryForObject("SELECT global_index FROM event_chain_head", Long.class) >= last);
    }

    @Test
    void theExportHasOneParsableLinePerEventInGlobalOrderWithItsLink() throws IOException {
        Path file = folder.resolve("events.ndjson");
        assertThat(ledgerctl("export", "--out", file.toString())).isZero();

        List<JsonNode> lines = parse(Files.readAllLines(file, StandardCharsets.UTF_8));
        assertThat(lines).hasSize(count("SELECT count(*) FROM domain_event_entry"));
        assertThat(lines).extracting(l -> l.path("globalIndex").asLong()).isSorted().doesNotHaveDuplicates();
        assertThat(lines).allSatisfy(l -> {
            assertThat(l.path("eventId").asText()).isNotBlank();
            assertThat(l.path("type").asText()).startsWith("org.coopledger.");
            assertThat(l.path("payload").isObject()).isTrue();
            assertThat(l.path("link").asText()).hasSize(64);
        });
        JsonNode deposit = lines.stream().filter(l -> l.path("type").asText().endsWith("DepositRecorded"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(deposit.path("payload").path("amount").path("amount").asText()).isEqualTo("42.00");
        assertThat(deposit.path("metadata").isObject()).isTrue();
    }

    @Test
    void theExportGoesToStandardOutputAndStartsAfterTheGivenIndex() {
        long after = count("SELECT max(global_index) FROM domain_event_entry") - 2;
        StringWriter stdout = new StringWriter();
        CommandLine ledgerctl = new CommandLine(new Ledgerctl()).setOut(new PrintWriter(stdout));
        assertThat(ledgerctl.execute(database("export", "--after", Long.toString(after)))).isZero();

        List<JsonNode> lines = parse(stdout.toString().lines().toList());
        assertThat(lines).hasSize(count("SELECT count(*) FROM domain_event_entry WHERE global_index > " + after));
        assertThat(lines).allSatisfy(l -> assertThat(l.path("globalIndex").asLong()).isGreaterThan(after));
    }

    @Test
    void verifyFailsWhenAStoredEventWasAlteredAndNamesIt() {
        assertThat(ledgerctl("verify")).isZero();
        long index = count("SELECT max(global_index) FROM domain_event_entry") - 1;
        byte[] metadata = jdbc.queryForObject("SELECT meta_data FROM domain_event_entry WHERE global_index = ?",
                byte[].class, index);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            // Metadata only: the projections' reconciliation stays clean, only the chain can see it.
            jdbc.update("UPDATE domain_event_entry SET meta_data = convert_to('{}', 'UTF8') WHERE global_index = ?", index);
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertThat(ledgerctl("verify")).isEqualTo(1);
        } finally {
            System.setOut(original);
            jdbc.update("UPDATE domain_event_entry SET meta_data = ? WHERE global_index = ?", metadata, index);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8))
                .contains("differences:      0")
                .contains("ALTERED at global index " + index)
                .contains("CHAIN: DIFFERENCES FOUND");
        assertThat(ledgerctl("verify")).isZero();
    }

    @Test
    void verifyChecksALinkTheAuditorNoted() {
        Map<String, Object> head = jdbc.queryForMap("SELECT global_index, encode(link, 'hex') AS hex FROM event_chain_head");
        String index = head.get("global_index").toString();
        assertThat(ledgerctl("verify", "--expect-link", index + ":" + head.get("hex"))).isZero();
        assertThat(ledgerctl("verify", "--expect-link", index + ":" + "0".repeat(64))).isEqualTo(1);
        assertThat(ledgerctl("verify", "--expect-link", "not-a-link")).isEqualTo(2);
    }

    private int ledgerctl(String command, String... options) {
        return new CommandLine(new Ledgerctl()).execute(database(command, options));
    }

    private String[] database(String command, String... options) {
        List<String> args = new ArrayList<>(List.of(command, "--db-url", environment.getProperty("ledger.db.url"),
                "--db-user", environment.getProperty("ledger.db.username"),
                "--db-password", environment.getProperty("ledger.db.password")));
        args.addAll(List.of(options));
        return args.toArray(String[]::new);
    }

    private static List<JsonNode> parse(List<String> lines) {
        assertThat(lines).allSatisfy(line -> assertThat(line).startsWith("{").endsWith("}"));
        return lines.stream().flatMap(line -> {
            try {
                return Stream.of(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not a JSON line: " + line.length() + " chars", e);
            }
        }).toList();
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}

package org.coopledger.ops.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.coopledger.api.LedgerApplication;
import org.coopledger.api.testsupport.IntegrationTest;
import org.coopledger.ops.cli.Ledgerctl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import picocli.CommandLine;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ledgerctl bench} runs end to end against a live ledger. Only that it works: the
 * figures of a 3-second run on a shared test machine mean nothing and are not checked.
 */
@SpringBootTest(classes = LedgerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BenchSmokeTest extends IntegrationTest {

    @Autowired
    Environment environment;

    @TempDir
    Path folder;

    @Test
    void aShortPostingsRunProducesAReportWithOperationsAndNoErrors() throws Exception {
        Path out = folder.resolve("bench.json");
        int exit = new CommandLine(new Ledgerctl()).execute("bench", "--scenario", "postings",
                "--clients", "2", "--duration", "3s", "--warmup", "0s", "--accounts", "4",
                "--target", "http://127.0.0.1:" + port, "--admin-password", ADMIN_PASSWORD,
                "--db-url", environment.getProperty("ledger.db.url"),
                "--db-user", environment.getProperty("ledger.db.username"),
                "--db-password", environment.getProperty("ledger.db.password"),
                "--out", out.toString());

        JsonNode report = new ObjectMapper().readTree(out.toFile());
        assertThat(report.path("all").path("count").asLong()).isPositive();
        assertThat(report.path("errors").size()).isZero();
        assertThat(report.path("baseline").path("inserts").asLong()).isPositive();
        assertThat(report.path("baseline").has("serverCpuMicrosPerInsert")).isTrue();
        assertThat(report.path("httpFloor").path("requests").asLong()).isPositive();
        assertThat(report.path("floorRatio").path("value").asDouble()).isPositive();
        assertThat(report.path("readAfterWrite").path("count").asLong()).isEqualTo(ReadAfterWrite.SAMPLES);
        assertThat(report.path("database").path("per").asText()).isEqualTo("posting");
        assertThat(report.path("database").path("operations").asLong()).isPositive();
        assertThat(report.path("database").path("statements").asText()).isNotBlank();
        assertThat(exit).isZero();
    }
}

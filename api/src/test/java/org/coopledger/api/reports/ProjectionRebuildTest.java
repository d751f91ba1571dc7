package org.coopledger.api.reports;

import com.fasterxml.jackson.databind.JsonNode;
import org.coopledger.api.testsupport.LedgerClient;
import org.coopledger.api.walkthrough.Cooperative;
import org.coopledger.reporting.ProcessorConfiguration;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild empties every projection and replays the whole event history into it while the API
 * keeps answering; afterwards every report answers exactly what it answered before, even where
 * the projections had been damaged in between.
 */
@ExtendWith(OutputCaptureExtension.class)
class ProjectionRebuildTest extends HistoryTest {

    @Autowired
    EventProcessingConfiguration processing;

    /** Reports of several kinds and dates, JSON and CSV, by path and media type → body. */
    private Map<String, String> reports() {
        Map<String, String> bodies = new LinkedHashMap<>();
        List<String> managerPaths = List.of(
                "/api/v1/reports/savings?asOf=" + ReportHistory.D1,
                "/api/v1/reports/savings?asOf=2026-03-16&groupBy=branch,segment",
                "/api/v1/reports/savings?asOf=" + ReportHistory.D4 + "&groupBy=product,branch,segment",
                "/api/v1/reports/trial-balance",
                "/api/v1/reports/trial-balance?asOf=" + ReportHistory.D2,
                "/api/v1/reports/general-ledger/2000?currency=JOD",
                "/api/v1/reports/general-ledger/3000?currency=USD&from=2025-02-01",
                "/api/v1/reports/general-ledger/1000?currency=JOD&limit=3",
                "/api/v1/members/" + history.amina + "/statement?from=2025-01-01&to=2026-06-01",
                "/api/v1/members/" + history.omar + "/statement?from=2025-03-01&to=2026-03-31");
        for (String path : managerPaths) {
            bodies.put(path + " json", history.manager.get(path).hasStatus(200).body());
            bodies.put(path + " csv", history.manager.call("GET", path).accept("text/csv").send().hasStatus(200).body());
        }
        return bodies;
    }

    /** Index name → definition, every index of the schema. */
    private Map<String, String> indexes() {
        Map<String, String> all = new TreeMap<>();
        jdbc.query("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()",
                rows -> {
                    all.put(rows.getString(1), rows.getString(2));
                });
        return all;
    }

    @Test
    void rebuildingDropsTheProjectionsReplaysTheHistoryAndAnswersIdenticalReports(CapturedOutput output) {
        Map<String, String> before = reports();
        Map<String, String> indexesBefore = indexes();

        jdbc.update("DELETE FROM journal_line WHERE gl_code = '2000' AND booking_date = ?", ReportHistory.D3);
        jdbc.update("DELETE FROM share_movement");
        jdbc.update("UPDATE member_projection SET branch = 'NOWHERE'");
        jdbc.update("UPDATE savings_account_projection SET closed_on = NULL");
        assertThat(reports()).isNotEqualTo(before);

        JsonNode started = history.admin.post("/api/v1/admin/projections/rebuild", null).hasStatus(202).json();
        assertThat(started.path("state").asText()).isIn("RUNNING", "FINISHED");
        assertThat(started.path("eventsTotal").asLong()).isPositive();

        // The API keeps answering, reads and writes, while the projections refill.
        history.auditor.get("/api/v1/reports/trial-balance").hasStatus(200);
        history.teller.post("/api/v1/members", Cooperative.memberBody("During Rebuild")).hasStatus(201);

        AtomicReference<JsonNode> finished = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = history.auditor.get("/api/v1/admin/projections").hasStatus(200).json();
            assertThat(status.path("state").asText()).as(status.toString()).isEqualTo("FINISHED");
            finished.set(status);
        });
        JsonNode status = finished.get();
        assertThat(status.path("eventsDone").asLong()).isEqualTo(status.path("eventsTotal").asLong());
        assertThat(status.path("eventsPerSecond").asLong()).isPositive();
        assertThat(status.path("finishedAt").asText()).isNotBlank();
        assertThat(status.path("indexesParked").asInt(-1)).isZero();
        ReportHistory.awaitProjectionsCaughtUp(history.admin);

        assertThat(reports()).isEqualTo(before);
        // The secondary indexes dropped for the replay are back, exactly as the migrations made them.
        assertThat(indexes()).isEqualTo(indexesBefore);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("projection rebuild of " + ProcessorConfiguration.PROCESSING_GROUPS + " started")
                .contains("index journal_line_account_idx on journal_line built again")
                .contains("projection rebuild finished"));
    }

    /**
     * After building the parked indexes again the processor restarts, and until it has claimed its
     * segments it reports no position: the finished run must still say all its events were done.
     */
    @Test
    void aFinishedRebuildKeepsItsFiguresWhileTheProcessorHasNoSegments() {
        LedgerClient admin = history.admin;
        awaitNoRebuildRunning(admin);
        admin.post("/api/v1/admin/projections/rebuild", null).hasStatus(202);
        await().atMost(Duration.ofSeconds(60)).until(() -> "FINISHED".equals(
                admin.get("/api/v1/admin/projections").json().path("state").asText()));
        StreamingEventProcessor processor = processing.eventProcessor(ProcessorConfiguration.PROCESSOR,
                StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        try {
            JsonNode status = admin.get("/api/v1/admin/projections").hasStatus(200).json();
            assertThat(status.path("state").asText()).isEqualTo("FINISHED");
            assertThat(status.path("eventsDone").asLong()).as(status.toString())
                    .isEqualTo(status.path("eventsTotal").asLong());
        } finally {
            processor.start();
        }
        ReportHistory.awaitProjectionsCaughtUp(admin);
    }

    @Test
    void aSecondRebuildWhileOneRunsIsRefused() {
        LedgerClient admin = history.admin;
        awaitNoRebuildRunning(admin);
        admin.post("/api/v1/admin/projections/rebuild", null).hasStatus(202);
        // The processor takes a moment to claim its segments again: the first rebuild still runs.
        admin.post("/api/v1/admin/projections/rebuild", null).isProblem(409, "REBUILD_IN_PROGRESS");
        await().atMost(Duration.ofSeconds(60)).until(() -> "FINISHED".equals(
                admin.get("/api/v1/admin/projections").json().path("state").asText()));
        ReportHistory.awaitProjectionsCaughtUp(admin);
        assertThat(history.auditor.get("/api/v1/reports/trial-balance").json().path("balanced").asBoolean()).isTrue();
    }

    /** Replaying a projection with parked events would park their aggregates' events a second time. */
    @Test
    void noRebuildWhileAProjectionHasDeadLetters() {
        LedgerClient admin = history.admin;
        awaitNoRebuildRunning(admin);
        jdbc.update("""
                INSERT INTO deadletterentry (deadletteridentifier, processinggroup, sequenceidentifier, sequenceindex,
                    messagetype, eventidentifier, timestamp, payloadtype, payload, enqueuedat)
                VALUES ('rebuild-test', 'shares', 'no-such-aggregate', 0, 'test', 'no-such-event',
                    '2026-01-01T00:00:00Z', 'test', convert_to('{}', 'UTF8'), '2026-01-01T00:00:00Z')""");
        try {
            admin.post("/api/v1/admin/projections/rebuild", null).isProblem(409, "DEAD_LETTERS_PENDING");
            JsonNode processors = admin.get("/api/v1/admin/projections").hasStatus(200).json().path("processors");
            assertThat(processors).hasSize(1);
            JsonNode deadLetters = processors.get(0).path("deadLetters");
            for (String group : ProcessorConfiguration.PROCESSING_GROUPS) {
                assertThat(deadLetters.path(group).asLong(-1)).as(group).isEqualTo(group.equals("shares") ? 1 : 0);
            }
        } finally {
            jdbc.update("DELETE FROM deadletterentry WHERE deadletteridentifier = 'rebuild-test'");
        }
    }

    private static void awaitNoRebuildRunning(LedgerClient admin) {
        await().atMost(Duration.ofSeconds(60)).until(() -> !"RUNNING".equals(
                admin.get("/api/v1/admin/projections").json().path("state").asText()));
    }
}

package org.coopledger.reporting.chain;

import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.chain.ChainProblem.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keeper and the verifier on a database of their own (rows written with SQL, no Axon), so
 * that tampering here cannot disturb any other test: each kind of tampering is found at its index.
 */
class ChainKeeperTest {

    private static final Instant LONG_AGO = Instant.parse("2026-01-01T00:00:00Z");

    private static ReportingDatabase database;
    private JdbcTemplate jdbc;
    private ChainVerifier verifier;

    @BeforeAll
    static void start() {
        database = ReportingDatabase.start();
    }

    @AfterAll
    static void stop() throws IOException {
        database.close();
    }

    @BeforeEach
    void emptyStore() {
        jdbc = database.jdbc();
        jdbc.update("TRUNCATE domain_event_entry, event_chain, event_chain_checkpoint");
        jdbc.update("UPDATE event_chain_head SET global_index = 0, link = NULL, links = 0");
        verifier = new ChainVerifier(database.dataSource());
    }

    @Test
    void linksEveryEventInOrderAndAnUntouchedStoreVerifiesClean() {
        for (long i = 1; i <= 5; i++) {
            event(i, LONG_AGO);
        }
        assertThat(keeper(1000, Duration.ofSeconds(60), 10_000).extend()).isEqualTo(5);

        ChainReport report = verifier.verify();
        assertThat(report.status()).isEqualTo(ChainReport.Status.CLEAN);
        assertThat(report.eventsChecked()).isEqualTo(5);
        assertThat(report.headIndex()).isEqualTo(5);
        assertThat(report.headLink()).isEqualTo(ChainLink.hex(jdbc.queryForObject(
                "SELECT link FROM event_chain WHERE global_index = 5", byte[].class)));
        assertThat(report.firstProblem()).isNull();
    }

    @Test
    void linksInBatchesAndLeavesNewEventsAsAnUnlinkedTail() {
        for (long i = 1; i <= 5; i++) {
            event(i, LONG_AGO);
        }
        ChainKeeper keeper = keeper(2, Duration.ofSeconds(60), 10_000);
        assertThat(keeper.extend()).isEqualTo(2);
        ChainReport partial = verifier.verify();
        assertThat(partial.clean()).isTrue();
        assertThat(partial.headIndex()).isEqualTo(2);
        assertThat(partial.unlinkedEvents()).isEqualTo(3);
        assertThat(keeper.extend()).isEqualTo(2);
        assertThat(keeper.extend()).isEqualTo(1);
        assertThat(keeper.extend()).isZero();
        assertThat(verifier.verify().eventsChecked()).isEqualTo(5);
    }

    @Test
    void waitsAtAYoungGapAndLinksItWhenTheLateEventCommits() {
        Instant now = Instant.now();
        event(1, now);
        event(2, now);
        event(4, now);
        ChainKeeper keeper = keeper(1000, Duration.ofSeconds(60), 10_000);
        assertThat(keeper.extend()).isEqualTo(2);

        event(3, now);
        assertThat(keeper.extend()).isEqualTo(2);
        ChainReport report = verifier.verify();
        assertThat(report.clean()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(4);
    }

    @Test
    void skipsAnOldGapAndAnEventAppearingThereLaterIsInsertedOutOfOrder() {
        event(1, LONG_AGO);
        event(2, LONG_AGO);
        event(4, LONG_AGO);
        event(5, LONG_AGO);
        assertThat(keeper(1000, Duration.ofSeconds(60), 10_000).extend()).isEqualTo(4);
        assertThat(verifier.verify().clean()).isTrue();

        event(3, LONG_AGO);
        ChainReport report = verifier.verify();
        assertThat(report.status()).isEqualTo(ChainReport.Status.DIFFERENCES);
        assertThat(report.firstProblem().kind()).isEqualTo(Kind.INSERTED_OUT_OF_ORDER);
        assertThat(report.firstProblem().globalIndex()).isEqualTo(3);
        assertThat(report.eventsChecked()).isEqualTo(2);
    }

    @Test
    void anAlteredPayloadIsReportedAtItsIndex() {
        linkedStore(6);
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to('{\"amount\":\"9.99\"}', 'UTF8') WHERE global_index = 4");
        assertProblem(Kind.ALTERED, 4);
    }

    @Test
    void anAlteredTimestampOrMetadataIsReportedToo() {
        linkedStore(6);
        jdbc.update("UPDATE domain_event_entry SET meta_data = NULL WHERE global_index = 5");
        assertProblem(Kind.ALTERED, 5);
        jdbc.update("UPDATE domain_event_entry SET time_stamp = '2026-01-02T00:00:00Z' WHERE global_index = 2");
        assertProblem(Kind.ALTERED, 2);
    }

    @Test
    void aDeletedEventIsReportedAtItsIndex() {
        linkedStore(6);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = 3");
        assertProblem(Kind.DELETED, 3);
    }

    @Test
    void deletingTheLastLinkedEventIsReportedToo() {
        linkedStore(6);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index = 6");
        assertProblem(Kind.DELETED, 6);
    }

    @Test
    void twoEventsWithSwappedGlobalIndexesAreReportedAtTheFirstOfThem() {
        linkedStore(6);
        jdbc.update("UPDATE domain_event_entry SET global_index = -1 WHERE global_index = 2");
        jdbc.update("UPDATE domain_event_entry SET global_index = 2 WHERE global_index = 5");
        jdbc.update("UPDATE domain_event_entry SET global_index = 5 WHERE global_index = -1");
        assertProblem(Kind.INSERTED_OUT_OF_ORDER, 2);
    }

    @Test
    void checkpointsAreStoredEveryNLinksAndOnDemandAndARewrittenChainIsCaught() {
        for (long i = 1; i <= 5; i++) {
            event(i, LONG_AGO);
        }
        ChainKeeper keeper = keeper(1000, Duration.ofSeconds(60), 2);
        keeper.extend();
        assertThat(jdbc.queryForList("SELECT global_index FROM event_chain_checkpoint ORDER BY 1", Long.class))
                .containsExactly(2L, 4L);
        ChainHead head = keeper.checkpoint();
        assertThat(head.globalIndex()).isEqualTo(5);
        assertThat(head.links()).isEqualTo(5);
        assertThat(jdbc.queryForList("SELECT global_index FROM event_chain_checkpoint ORDER BY 1", Long.class))
                .containsExactly(2L, 4L, 5L);
        assertThat(verifier.verify().clean()).isTrue();

        // A forger who rewrites the chain's links must also rewrite every checkpoint to stay unseen.
        jdbc.update("UPDATE event_chain_checkpoint SET link = sha256(link) WHERE global_index = 4");
        assertProblem(Kind.CHECKPOINT_MISMATCH, 4);
    }

    @Test
    void aLinkNotedByAnAuditorCatchesAChainRebuiltFromScratch() {
        linkedStore(4);
        ChainHead noted = new ChainHead(3, ChainLink.hex(jdbc.queryForObject(
                "SELECT link FROM event_chain WHERE global_index = 3", byte[].class)), 3);
        assertThat(verifier.verify(noted).clean()).isTrue();

        // A forger alters event 2 and rebuilds the whole chain: every stored link is consistent again.
        jdbc.update("UPDATE domain_event_entry SET payload = convert_to('{\"n\":99}', 'UTF8') WHERE global_index = 2");
        jdbc.update("TRUNCATE event_chain");
        jdbc.update("UPDATE event_chain_head SET global_index = 0, link = NULL, links = 0");
        keeper(1000, Duration.ofSeconds(60), 10_000).extend();
        assertThat(verifier.verify().clean()).isTrue();

        ChainReport report = verifier.verify(noted);
        assertThat(report.firstProblem().kind()).isEqualTo(Kind.CHECKPOINT_MISMATCH);
        assertThat(report.firstProblem().globalIndex()).isEqualTo(3);
        assertThat(verifier.verify(new ChainHead(99, noted.link(), 0)).firstProblem().kind())
                .isEqualTo(Kind.CHECKPOINT_MISMATCH);
    }

    private void linkedStore(int events) {
        for (long i = 1; i <= events; i++) {
            event(i, LONG_AGO);
        }
        keeper(1000, Duration.ofSeconds(60), 10_000).extend();
        assertThat(verifier.verify().clean()).isTrue();
    }

    private void assertProblem(Kind kind, long globalIndex) {
        ChainReport report = verifier.verify();
        assertThat(report.status()).isEqualTo(ChainReport.Status.DIFFERENCES);
        assertThat(report.firstProblem().kind()).isEqualTo(kind);
        assertThat(report.firstProblem().globalIndex()).isEqualTo(globalIndex);
    }

    private ChainKeeper keeper(int batchSize, Duration gapWindow, long checkpointEvery) {
        return new ChainKeeper(jdbc, database.transactions(),
                new ChainSettings(Duration.ofMillis(500), batchSize, gapWindow, checkpointEvery));
    }

    private void event(long globalIndex, Instant timestamp) {
        jdbc.update("""
                INSERT INTO domain_event_entry (global_index, aggregate_identifier, sequence_number, type,
                    event_identifier, meta_data, payload, payload_revision, payload_type, time_stamp)
                VALUES (?, ?, 0, 'Test', ?, ?, ?, NULL, 'org.example.TestEvent', ?)""",
                globalIndex, "agg-" + globalIndex, UUID.randomUUID().toString(),
                "{\"user\":\"u\"}".getBytes(StandardCharsets.UTF_8),
                ("{\"n\":" + globalIndex + "}").getBytes(StandardCharsets.UTF_8), timestamp.toString());
    }
}

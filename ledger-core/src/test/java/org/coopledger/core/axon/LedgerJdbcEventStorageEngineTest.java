package org.coopledger.core.axon;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.common.DateTimeUtils;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The ledger's storage engine reads rows as Axon 4.13's own does: the same event data and,
 * row after row, the same tracking tokens with the same gaps, for events older and younger
 * than the gap timeout. Only the time stamp is read differently ({@link StoredTimestamps}).
 */
class LedgerJdbcEventStorageEngineTest {

    private static final EventSchema SCHEMA = new AxonPersistenceConfiguration().ledgerEventSchema();

    /**
     * @param steps      distance from one row's global index to the next: a step above 1 leaves a gap
     * @param beyondGapTimeout whether each event was stored more than the one-minute gap timeout ago
     * @param ageMillis  how long before now (or before the timeout) each event was stored; kept
     *                   a second clear of the timeout, since both engines compare with the clock
     */
    @Property(tries = 300)
    void readsEveryRowAndTokenAsAxonsEngine(@ForAll @Size(min = 1, max = 30) List<@IntRange(min = 1, max = 40) Integer> steps,
                                             @ForAll @Size(min = 30, max = 30) List<Boolean> beyondGapTimeout,
                                             @ForAll @Size(min = 30, max = 30) List<@IntRange(min = 0, max = 50_000) Integer> ageMillis,
                                             @ForAll @IntRange(min = 1, max = 50) int firstIndex) throws SQLException {
        Engines engines = new Engines();
        Instant now = GenericEventMessage.clock.instant();
        GapAwareTrackingToken ours = null;
        GapAwareTrackingToken axons = null;
        long index = firstIndex;
        for (int row = 0; row < steps.size(); row++) {
            index += row == 0 ? 0 : steps.get(row);
            long age = ageMillis.get(row)
                    + (beyondGapTimeout.get(row) ? LedgerJdbcEventStorageEngine.GAP_TIMEOUT_MILLIS + 1_000 : 0);
            ResultSet rows = row(index, now.minusMillis(age));

            TrackedEventData<?> read = engines.ours.getTrackedEventData(rows, ours);
            TrackedEventData<?> expected = engines.axons.tracked(rows, axons);

            ours = (GapAwareTrackingToken) read.trackingToken();
            axons = (GapAwareTrackingToken) expected.trackingToken();
            // The token's equals ignores gaps below its truncation index: compare all of them.
            assertThat(ours.getIndex()).isEqualTo(axons.getIndex());
            assertThat(ours.getGaps()).isEqualTo(axons.getGaps());
            assertSameEvent((DomainEventData<?>) read, (DomainEventData<?>) expected);
        }
    }

    @Property(tries = 100)
    void readsAnAggregatesEventsAsAxonsEngine(@ForAll @IntRange(min = 0, max = 1_000_000) int agoMillis)
            throws SQLException {
        Engines engines = new Engines();
        ResultSet rows = row(7, GenericEventMessage.clock.instant().minusMillis(agoMillis));

        assertSameEvent(engines.ours.getDomainEventData(rows), engines.axons.domain(rows));
        assertSameEvent(engines.ours.getSnapshotData(rows), engines.axons.snapshot(rows));
    }

    private static void assertSameEvent(DomainEventData<?> read, DomainEventData<?> expected) {
        assertThat(read.getTimestamp()).isEqualTo(expected.getTimestamp());
        assertThat(read.getEventIdentifier()).isEqualTo(expected.getEventIdentifier());
        assertThat(read.getAggregateIdentifier()).isEqualTo(expected.getAggregateIdentifier());
        assertThat(read.getSequenceNumber()).isEqualTo(expected.getSequenceNumber());
        assertThat(read.getType()).isEqualTo(expected.getType());
        assertThat(read.getPayload().getType()).isEqualTo(expected.getPayload().getType());
        assertThat(read.getPayload().getData()).isEqualTo(expected.getPayload().getData());
        assertThat(read.getMetaData().getData()).isEqualTo(expected.getMetaData().getData());
    }

    /** One row of the event table as the engine's query returns it. */
    private static ResultSet row(long globalIndex, Instant storedAt) throws SQLException {
        ResultSet rows = mock(ResultSet.class);
        when(rows.getLong(SCHEMA.globalIndexColumn())).thenReturn(globalIndex);
        when(rows.getString(SCHEMA.aggregateIdentifierColumn())).thenReturn("account-" + globalIndex % 3);
        when(rows.getString(SCHEMA.eventIdentifierColumn())).thenReturn("event-" + globalIndex);
        when(rows.getString(SCHEMA.typeColumn())).thenReturn("SavingsAccount");
        when(rows.getLong(SCHEMA.sequenceNumberColumn())).thenReturn(globalIndex / 3);
        when(rows.getString(SCHEMA.timestampColumn())).thenReturn(DateTimeUtils.formatInstant(storedAt));
        when(rows.getString(SCHEMA.payloadTypeColumn())).thenReturn("org.coopledger.Deposit");
        when(rows.getString(SCHEMA.payloadRevisionColumn())).thenReturn(null);
        when(rows.getBytes(SCHEMA.payloadColumn())).thenReturn(("{\"n\":" + globalIndex + "}").getBytes());
        when(rows.getBytes(SCHEMA.metaDataColumn())).thenReturn("{}".getBytes());
        return rows;
    }

    /** The two engines on the same settings; Axon's exposes the row mapping it keeps protected. */
    private static final class Engines {

        final LedgerJdbcEventStorageEngine ours = new LedgerJdbcEventStorageEngine(builder());
        final AxonsEngine axons = new AxonsEngine(builder());

        private static JdbcEventStorageEngine.Builder builder() {
            return JdbcEventStorageEngine.builder()
                    .connectionProvider(() -> null)
                    .transactionManager(NoTransactionManager.INSTANCE)
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .schema(SCHEMA);
        }
    }

    private static final class AxonsEngine extends JdbcEventStorageEngine {

        AxonsEngine(Builder builder) {
            super(builder);
        }

        TrackedEventData<?> tracked(ResultSet rows, GapAwareTrackingToken previous) throws SQLException {
            return getTrackedEventData(rows, previous);
        }

        DomainEventData<?> domain(ResultSet rows) throws SQLException {
            return getDomainEventData(rows);
        }

        DomainEventData<?> snapshot(ResultSet rows) throws SQLException {
            return getSnapshotData(rows);
        }
    }
}

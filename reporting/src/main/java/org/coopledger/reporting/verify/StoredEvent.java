package org.coopledger.reporting.verify;

import java.time.Instant;

/**
 * One row of the event store, payload already read back into its event record (or an
 * {@link EventHistory.UnknownEventType} / {@link EventHistory.UnreadableEvent} placeholder).
 * {@code recordedAt} is the row's own time stamp: the only date an event without a business
 * date (a hold) has.
 */
record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String payloadType, Object payload,
                   Instant recordedAt) {
}

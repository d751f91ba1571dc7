package org.coopledger.ops.verify;

/** One row of the event store, payload already read back into its event record. */
record StoredEvent(long globalIndex, String aggregateId, long sequenceNumber, String payloadType, Object payload) {
}

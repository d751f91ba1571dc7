package org.coopledger.api.audit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One stored event as an auditor reads it: its place in the global order, its aggregate, its
 * type, when it was stored, its metadata (who, which request) and its payload, all as stored.
 */
public record AuditEvent(long globalIndex,
                         String eventId,
                         String aggregateId,
                         String aggregateType,
                         long sequenceNumber,
                         String type,
                         String timestamp,
                         JsonNode metadata,
                         JsonNode payload) {
}

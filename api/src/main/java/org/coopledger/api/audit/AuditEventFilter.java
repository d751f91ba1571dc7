package org.coopledger.api.audit;

import java.time.Instant;

/**
 * Which events to list: after a global index (the cursor), optionally only of one aggregate,
 * one event type (simple or full class name), one acting user, or a time range [from, to).
 */
record AuditEventFilter(long after, String aggregateId, String type, String user, Instant from, Instant to,
                        int limit) {
}

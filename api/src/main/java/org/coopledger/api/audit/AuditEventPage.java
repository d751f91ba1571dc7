package org.coopledger.api.audit;

import java.util.List;

/** A page of the event history; {@code next} is the cursor (a global index) of the following page. */
public record AuditEventPage(List<AuditEvent> events, String next) {
}

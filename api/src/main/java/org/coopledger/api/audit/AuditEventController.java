package org.coopledger.api.audit;

import org.coopledger.api.paging.Paging;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** {@code GET /api/v1/audit/events}: the raw event history in global order, for auditors. */
@RestController
@RequestMapping("/api/v1/audit/events")
class AuditEventController {

    private static final int MAX_FILTER_CHARS = 255;

    private final AuditEventHistory history;

    AuditEventController(AuditEventHistory history) {
        this.history = history;
    }

    @GetMapping
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditEventPage events(@RequestParam(required = false) String after,
                                 @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String aggregateId,
                                 @RequestParam(required = false) String type,
                                 @RequestParam(required = false) String user,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to) {
        int pageSize = Paging.limit(limit);
        return history.page(new AuditEventFilter(Paging.after(after), bounded(aggregateId, "aggregateId"),
                bounded(type, "type"), bounded(user, "user"), from, to, pageSize));
    }

    private static String bounded(String value, String name) {
        if (value != null && (value.isBlank() || value.length() > MAX_FILTER_CHARS)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, name + " must have 1 to " + MAX_FILTER_CHARS + " characters");
        }
        return value;
    }
}

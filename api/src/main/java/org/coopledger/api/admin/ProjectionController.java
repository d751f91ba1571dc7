package org.coopledger.api.admin;

import org.coopledger.reporting.rebuild.ProjectionRebuild;
import org.coopledger.reporting.rebuild.RebuildStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;


/**
 * The projections (read models) of this node: where their processor stands, and a rebuild from
 * the event history while the API keeps answering (reads show partial data until it is done;
 * see {@link ProjectionRebuild}). Rebuilding changes no ledger data, so it takes no
 * Idempotency-Key; a second one while the first runs is refused with 409.
 */
@RestController
class ProjectionController {

    private final ProjectionRebuild rebuild;

    ProjectionController(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @GetMapping("/api/v1/admin/projections")
    @PreAuthorize("hasAnyRole('ADMIN', 'AUDITOR')")
    public RebuildStatus status() {
        return rebuild.status();
    }

    /** Answers 202 with the status as the rebuild of every projection starts; follow it with GET. */
    @PostMapping("/api/v1/admin/projections/rebuild")
    @PreAuthorize("hasRole('ADMIN')")
    public ResponseEntity<RebuildStatus> rebuild() {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(rebuild.start());
    }
}

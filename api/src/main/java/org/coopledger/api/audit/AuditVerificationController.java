package org.coopledger.api.audit;

import org.coopledger.reporting.chain.ChainReport;
import org.coopledger.reporting.chain.ChainVerifier;
import org.coopledger.reporting.verify.Reconciliation;
import org.coopledger.reporting.verify.VerificationReport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/audit/verifications}: the whole check an auditor can ask for, the same as
 * {@code ledgerctl verify} — the replay of the history reconciled with the projections and the
 * journal, then the hash chain recomputed. It reads only and writes nothing to the ledger, so it
 * takes no Idempotency-Key; it answers when done (streaming, constant memory), 200 either way:
 * differences are the report's content, not a failure of the request.
 */
@RestController
class AuditVerificationController {

    private final Reconciliation reconciliation;
    private final ChainVerifier chain;

    AuditVerificationController(Reconciliation reconciliation, ChainVerifier chain) {
        this.reconciliation = reconciliation;
        this.chain = chain;
    }

    @PostMapping("/api/v1/audit/verifications")
    @PreAuthorize("hasRole('AUDITOR')")
    public VerificationResponse verify() {
        long started = System.nanoTime();
        VerificationReport replay = reconciliation.run();
        ChainReport chainReport = chain.verify();
        return VerificationResponse.of(replay, chainReport, (System.nanoTime() - started) / 1_000_000);
    }
}

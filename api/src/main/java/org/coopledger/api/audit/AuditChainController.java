package org.coopledger.api.audit;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.reporting.chain.ChainHead;
import org.coopledger.reporting.chain.ChainKeeper;
import org.coopledger.reporting.chain.ChainQueries;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event store's hash chain for auditors: its head (to write down and compare later) and an
 * on-demand checkpoint; {@link AuditVerificationController} recomputes it. Neither changes the
 * ledger's data, so auditors may call them.
 */
@RestController
class AuditChainController {

    private final ChainQueries queries;
    private final ObjectProvider<ChainKeeper> keeper;

    AuditChainController(ChainQueries queries, ObjectProvider<ChainKeeper> keeper) {
        this.queries = queries;
        this.keeper = keeper;
    }

    @GetMapping("/api/v1/audit/chain/head")
    @PreAuthorize("hasRole('AUDITOR')")
    public ChainHead head() {
        return queries.head();
    }

    /** Stores the current head as a checkpoint and logs it ({@code chain checkpoint <index> <hex>}). */
    @PostMapping("/api/v1/audit/chain/checkpoints")
    @PreAuthorize("hasRole('AUDITOR')")
    public ChainHead checkpoint() {
        ChainKeeper running = keeper.getIfAvailable();
        if (running == null) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "the chain keeper is disabled on this node");
        }
        return running.checkpoint();
    }
}

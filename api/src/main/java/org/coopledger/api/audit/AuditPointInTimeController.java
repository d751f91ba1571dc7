package org.coopledger.api.audit;

import org.coopledger.api.savings.AccountIds;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.verify.AccountAtPoint;
import org.coopledger.reporting.verify.Point;
import org.coopledger.reporting.verify.PointInTime;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Balances and the trial balance at any point of the history — the end of a date
 * ({@code ?asOf=}) or a global index ({@code ?atIndex=}) — folded from the event store, not read
 * from the projections, so that an auditor need not trust the application's tables.
 */
@RestController
class AuditPointInTimeController {

    private static final int MAX_INDEX_DIGITS = 18;

    private final PointInTime pointInTime;

    AuditPointInTimeController(PointInTime pointInTime) {
        this.pointInTime = pointInTime;
    }

    @GetMapping("/api/v1/audit/balances/{accountId}")
    @PreAuthorize("hasRole('AUDITOR')")
    public AuditBalanceResponse balance(@PathVariable String accountId,
                                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        @RequestParam(required = false) String atIndex) {
        Point point = point(asOf, atIndex);
        AccountId id = AccountIds.parse(accountId, "accountId");
        AccountAtPoint account = pointInTime.savingsAccount(id, point)
                .orElseThrow(() -> new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account"));
        return AuditBalanceResponse.of(account);
    }

    @GetMapping("/api/v1/audit/trial-balance")
    @PreAuthorize("hasAnyRole('AUDITOR', 'MANAGER')")
    public AuditTrialBalanceResponse trialBalance(
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(required = false) String atIndex) {
        return AuditTrialBalanceResponse.of(pointInTime.trialBalance(point(asOf, atIndex)));
    }

    /** Exactly one of a date and a global index; anything else is the client's error. */
    private static Point point(LocalDate asOf, String atIndex) {
        if ((asOf == null) == (atIndex == null)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "give exactly one of asOf (a date) and atIndex (a global index)");
        }
        if (asOf != null) {
            return Point.asOf(asOf);
        }
        if (atIndex.isEmpty() || atIndex.length() > MAX_INDEX_DIGITS || !atIndex.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "atIndex must be a global index: 0 to "
                    + MAX_INDEX_DIGITS + " decimal digits");
        }
        return Point.atIndex(Long.parseLong(atIndex));
    }
}

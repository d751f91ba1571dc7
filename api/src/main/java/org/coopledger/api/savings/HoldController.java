package org.coopledger.api.savings;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.PlaceHold;
import org.coopledger.core.savings.api.ReleaseHold;
import org.joda.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** Liens on part of an account's balance (e.g. a guarantee): blocked, not moved. */
@RestController
@RequestMapping("/api/v1/savings-accounts/{accountId}/holds")
class HoldController {

    /** The prefix of the hold ids a loan's guarantees use (see LoanAccountHandlers.holdId). */
    static final String LOAN_HOLD_PREFIX = "loan:";

    private final AccountCommands commands;
    private final Idempotency idempotency;

    HoldController(AccountCommands commands, Idempotency idempotency) {
        this.commands = commands;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    public ResponseEntity<Object> place(@PathVariable String accountId,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                 @Valid @RequestBody HoldRequest body) {
        AccountId id = AccountIds.parse(accountId, "accountId");
        Money amount = body.amount().positive();
        String holdId = body.holdId() != null ? requireHoldId(body.holdId()) : UUID.randomUUID().toString();
        return idempotency.optional(key, body, () -> {
            commands.send(new PlaceHold(id, holdId, amount, body.reason()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new HoldResponse(id.value(), holdId, amount, "PLACED"));
        });
    }

    @PostMapping("/{holdId}/release")
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = HoldResponse.class)))
    public ResponseEntity<Object> release(@PathVariable String accountId, @PathVariable String holdId,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        AccountId id = AccountIds.parse(accountId, "accountId");
        String hold = requireHoldId(holdId);
        return idempotency.optional(key, new ReleaseCall(id.value(), hold), () -> {
            commands.send(new ReleaseHold(id, hold));
            return ResponseEntity.ok(new HoldResponse(id.value(), hold, null, "RELEASED"));
        });
    }

    /**
     * A guarantee's hold ({@code loan:<loanId>}) belongs to its loan, which shrinks and releases it:
     * released by hand, it would free a pledge the loan still counts on.
     */
    private static String requireHoldId(String holdId) {
        if (holdId.isBlank() || holdId.length() > 64) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "holdId must have 1 to 64 characters");
        }
        if (holdId.startsWith(LOAN_HOLD_PREFIX)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED,
                    "holds of loans are placed and released by the loan itself");
        }
        return holdId;
    }

    /** The release has no body; its fingerprint for idempotency is the hold it releases. */
    record ReleaseCall(String accountId, String holdId) {
    }
}

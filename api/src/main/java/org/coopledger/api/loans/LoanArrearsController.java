package org.coopledger.api.loans;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.loans.api.ChargePenalties;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.PenaltyResult;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Charges a loan's penalties as of today's business date: the step the close-of-business run
 * will send for every active loan, available to a MANAGER on one loan meanwhile. It moves no
 * money (penalties are income when paid) and charges each period once, so the key is optional:
 * sending it twice on a day charges nothing more.
 */
@RestController
class LoanArrearsController {

    private final LoanCommands commands;
    private final BusinessCalendar calendar;
    private final Idempotency idempotency;

    LoanArrearsController(LoanCommands commands, BusinessCalendar calendar, Idempotency idempotency) {
        this.commands = commands;
        this.calendar = calendar;
        this.idempotency = idempotency;
    }

    @PostMapping("/api/v1/loans/{loanId}/penalty-charges")
    @PreAuthorize("hasRole('MANAGER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = PenaltyChargeResponse.class)))
    public ResponseEntity<Object> charge(@PathVariable String loanId,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        LoanId id = LoanIds.parse(loanId);
        LocalDate today = calendar.today();
        return idempotency.optional(key, new PenaltyCall(id.value(), today), () -> {
            PenaltyResult result = commands.send(new ChargePenalties(id, today));
            return ResponseEntity.ok(new PenaltyChargeResponse(id.value(), today, result.charged(),
                    result.daysPastDue(), result.closed() ? "CLOSED" : "ACTIVE"));
        });
    }

    /** The charge has no body; its fingerprint is the loan and the business date it charges for. */
    record PenaltyCall(String loanId, LocalDate asOf) {
    }
}

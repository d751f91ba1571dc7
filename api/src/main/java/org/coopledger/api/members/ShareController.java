package org.coopledger.api.members;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PurchaseShares;
import org.coopledger.core.members.api.RedeemShares;
import org.coopledger.core.members.api.ShareResult;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * Share capital bought and paid back in cash at the nominal price from configuration: the
 * client names a number of shares, never a price, so a teller cannot sell at another price.
 */
@RestController
@RequestMapping("/api/v1/members/{memberId}")
@EnableConfigurationProperties(ShareProperties.class)
class ShareController {

    private final MemberCommands commands;
    private final ShareProperties shares;
    private final BusinessCalendar calendar;
    private final Idempotency idempotency;

    ShareController(MemberCommands commands, ShareProperties shares, BusinessCalendar calendar, Idempotency idempotency) {
        this.commands = commands;
        this.shares = shares;
        this.calendar = calendar;
        this.idempotency = idempotency;
    }

    @PostMapping("/share-purchases")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ShareResponse.class)))
    public ResponseEntity<Object> purchase(@PathVariable String memberId,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @Valid @RequestBody ShareRequest body) {
        MemberId id = MemberIds.parse(memberId);
        LocalDate today = calendar.today();
        return idempotency.required(key, body, () -> created(commands.send(new PurchaseShares(id,
                TransactionId.random(), body.shares(), shares.nominalPrice(), today, body.tillId()))));
    }

    @PostMapping("/share-redemptions")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ShareResponse.class)))
    public ResponseEntity<Object> redeem(@PathVariable String memberId,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @Valid @RequestBody ShareRequest body) {
        MemberId id = MemberIds.parse(memberId);
        LocalDate today = calendar.today();
        return idempotency.required(key, body, () -> created(commands.send(new RedeemShares(id,
                TransactionId.random(), body.shares(), shares.nominalPrice(), today, body.tillId()))));
    }

    private static ResponseEntity<?> created(ShareResult result) {
        return ResponseEntity.status(HttpStatus.CREATED).body(ShareResponse.of(result));
    }
}

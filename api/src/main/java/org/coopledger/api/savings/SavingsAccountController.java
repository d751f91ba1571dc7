package org.coopledger.api.savings;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.members.MemberIds;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.money.MoneyParser;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.CloseSavingsAccount;
import org.coopledger.core.savings.api.OpenSavingsAccount;
import org.joda.money.CurrencyUnit;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

/** Opening, reading and closing savings accounts. */
@RestController
@RequestMapping("/api/v1/savings-accounts")
class SavingsAccountController {

    private final AccountCommands commands;
    private final AccountReader reader;
    private final BusinessCalendar calendar;
    private final Idempotency idempotency;

    SavingsAccountController(AccountCommands commands, AccountReader reader, BusinessCalendar calendar,
                             Idempotency idempotency) {
        this.commands = commands;
        this.reader = reader;
        this.calendar = calendar;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = AccountOpenedResponse.class)))
    public ResponseEntity<Object> open(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                @Valid @RequestBody OpenAccountRequest body) {
        if ((body.productCode() == null) == (body.currency() == null)) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "give exactly one of productCode and currency");
        }
        CurrencyUnit currency = body.currency() == null ? null : MoneyParser.currency(body.currency());
        OpenSavingsAccount command = new OpenSavingsAccount(AccountId.random(), MemberIds.parse(body.memberId()),
                body.productCode(), currency, calendar.today());
        return idempotency.optional(key, body, () -> {
            AccountId accountId = commands.send(command);
            return ResponseEntity.created(URI.create("/api/v1/savings-accounts/" + accountId))
                    .body(new AccountOpenedResponse(accountId.value()));
        });
    }

    @GetMapping("/{accountId}")
    @PreAuthorize("hasAnyRole('TELLER', 'MANAGER', 'AUDITOR', 'MEMBER')")
    public AccountResponse get(@PathVariable String accountId) {
        return AccountResponse.of(reader.readable(AccountIds.parse(accountId, "accountId")));
    }

    @PostMapping("/{accountId}/closure")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = ClosureResponse.class)))
    public ResponseEntity<Object> close(@PathVariable String accountId,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        AccountId id = AccountIds.parse(accountId, "accountId");
        LocalDate today = calendar.today();
        return idempotency.optional(key, new ClosureCall(id.value()), () -> {
            commands.send(new CloseSavingsAccount(id, today));
            return ResponseEntity.ok(new ClosureResponse(id.value(), "CLOSED", today));
        });
    }

    /** The closure has no body; its fingerprint for idempotency is the account it closes. */
    record ClosureCall(String accountId) {
    }
}

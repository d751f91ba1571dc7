package org.coopledger.api.savings;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.PostingResult;
import org.coopledger.core.savings.api.RecordDeposit;
import org.coopledger.core.savings.api.RecordWithdrawal;
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

import java.time.LocalDate;

/**
 * Cash paid in and out at a till. Both are money movements: the Idempotency-Key is mandatory,
 * so a teller on a poor connection can resend without posting twice. The answer comes from the
 * command result (the projections may be milliseconds behind).
 */
@RestController
@RequestMapping("/api/v1/savings-accounts/{accountId}")
class CashController {

    private final AccountCommands commands;
    private final BusinessCalendar calendar;
    private final Idempotency idempotency;

    CashController(AccountCommands commands, BusinessCalendar calendar, Idempotency idempotency) {
        this.commands = commands;
        this.calendar = calendar;
        this.idempotency = idempotency;
    }

    @PostMapping("/deposits")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PostingResponse.class)))
    public ResponseEntity<Object> deposit(@PathVariable String accountId,
                                   @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                   @Valid @RequestBody CashRequest body) {
        return post(accountId, key, body, (id, txn, amount, today, valueDate) ->
                new RecordDeposit(id, txn, amount, today, valueDate, body.tillId(), body.reference()));
    }

    @PostMapping("/withdrawals")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = PostingResponse.class)))
    public ResponseEntity<Object> withdraw(@PathVariable String accountId,
                                    @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @Valid @RequestBody CashRequest body) {
        return post(accountId, key, body, (id, txn, amount, today, valueDate) ->
                new RecordWithdrawal(id, txn, amount, today, valueDate, body.tillId(), body.reference()));
    }

    /** Deposits and withdrawals differ only in the command: same parsing, dates and idempotency. */
    private ResponseEntity<Object> post(String accountId, String key, CashRequest body, CashCommand command) {
        AccountId id = AccountIds.parse(accountId, "accountId");
        Money amount = body.amount().positive();
        LocalDate today = calendar.today();
        LocalDate valueDate = body.valueDate() != null ? body.valueDate() : today;
        return idempotency.required(key, body, () -> created(commands.send(
                command.build(id, TransactionId.random(), amount, today, valueDate))));
    }

    @FunctionalInterface
    private interface CashCommand {
        Object build(AccountId id, TransactionId transactionId, Money amount, LocalDate bookingDate,
                     LocalDate valueDate);
    }

    private static ResponseEntity<?> created(PostingResult result) {
        return ResponseEntity.status(HttpStatus.CREATED).body(PostingResponse.of(result));
    }
}

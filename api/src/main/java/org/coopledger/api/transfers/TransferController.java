package org.coopledger.api.transfers;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.savings.AccountCommands;
import org.coopledger.api.savings.AccountIds;
import org.coopledger.api.security.Access;
import org.coopledger.api.security.Role;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.TransferFunds;
import org.coopledger.core.savings.api.TransferResult;
import org.coopledger.reporting.savings.SavingsQueries;
import org.joda.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Transfers between two savings accounts. A teller may move money between any accounts; a
 * member only out of their own account, and trying another's source answers 404 exactly as an
 * unknown account does.
 */
@RestController
@RequestMapping("/api/v1/transfers")
class TransferController {

    private final AccountCommands commands;
    private final SavingsQueries queries;
    private final Access access;
    private final BusinessCalendar calendar;
    private final Idempotency idempotency;

    TransferController(AccountCommands commands, SavingsQueries queries, Access access, BusinessCalendar calendar,
                       Idempotency idempotency) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.calendar = calendar;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('TELLER', 'MEMBER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = TransferResponse.class)))
    public ResponseEntity<Object> transfer(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                    @Valid @RequestBody TransferRequest body) {
        AccountId from = AccountIds.parse(body.fromAccountId(), "fromAccountId");
        AccountId to = AccountIds.parse(body.toAccountId(), "toAccountId");
        Money amount = body.amount().positive();
        boolean teller = access.currentUser().has(Role.TELLER);
        if (!teller) {
            requireOwnSource(from);
        }
        LocalDate today = calendar.today();
        return idempotency.required(key, body, () -> {
            TransferResult result = commands.send(new TransferFunds(TransactionId.random(), from, to, amount, today,
                    body.reference()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new TransferResponse(result.transactionId().value(),
                    from.value(), to.value(), amount, result.from().balance(), teller ? result.to().balance() : null));
        });
    }

    /**
     * Strictly the caller's own member, not "may read": a member user who also holds a staff read
     * role must still not move money out of someone else's account. The owner comes from the
     * projection, which is safe because an account never changes owner: a lag can only refuse.
     */
    private void requireOwnSource(AccountId from) {
        Optional<MemberId> caller = access.currentUser().memberId();
        boolean own = caller.isPresent() && queries.account(from)
                .map(account -> account.memberId().equals(caller.get()))
                .orElse(false);
        if (!own) {
            throw new LedgerException(ErrorCode.ACCOUNT_NOT_FOUND, "no such account");
        }
    }
}

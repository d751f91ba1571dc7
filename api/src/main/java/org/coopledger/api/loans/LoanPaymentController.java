package org.coopledger.api.loans;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.savings.AccountIds;
import org.coopledger.api.security.Access;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.loans.api.CallGuarantee;
import org.coopledger.core.loans.api.DisburseLoan;
import org.coopledger.core.loans.api.DisbursementChannel;
import org.coopledger.core.loans.api.DisbursementResult;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.RecordLoanRepayment;
import org.coopledger.core.loans.api.RecordRecovery;
import org.coopledger.core.loans.api.RepaymentResult;
import org.coopledger.core.loans.api.WriteOffLoan;
import org.coopledger.core.savings.api.AccountId;
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
 * Every step of a loan that moves money: disbursement, repayment, write-off, recovery and a
 * called guarantee. Each is a money movement, so the Idempotency-Key is mandatory; the answer
 * comes from the command's result (the loan projection may be milliseconds behind).
 */
@RestController
@RequestMapping("/api/v1/loans/{loanId}")
class LoanPaymentController {

    private final LoanCommands commands;
    private final BusinessCalendar calendar;
    private final Access access;
    private final Idempotency idempotency;

    LoanPaymentController(LoanCommands commands, BusinessCalendar calendar, Access access, Idempotency idempotency) {
        this.commands = commands;
        this.calendar = calendar;
        this.access = access;
        this.idempotency = idempotency;
    }

    @PostMapping("/disbursement")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = DisbursementResponse.class)))
    public ResponseEntity<Object> disburse(@PathVariable String loanId,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           @Valid @RequestBody DisbursementRequest body) {
        LoanId id = LoanIds.parse(loanId);
        if (body.savingsAccountId() != null && body.tillId() != null) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED,
                    "give a tillId for cash or a savingsAccountId for savings, not both");
        }
        AccountId account = body.savingsAccountId() == null ? null
                : AccountIds.parse(body.savingsAccountId(), "savingsAccountId");
        DisbursementChannel channel = account == null ? DisbursementChannel.CASH : DisbursementChannel.SAVINGS;
        LocalDate today = calendar.today();
        return idempotency.required(key, body, () -> {
            DisbursementResult result = commands.send(new DisburseLoan(id, TransactionId.random(), today,
                    body.firstRepaymentOn(), channel, account, body.tillId()));
            return ResponseEntity.status(HttpStatus.CREATED).body(DisbursementResponse.of(id.value(), result));
        });
    }

    @PostMapping("/repayments")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RepaymentResponse.class)))
    public ResponseEntity<Object> repay(@PathVariable String loanId,
                                        @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @Valid @RequestBody PaymentRequest body) {
        LoanId id = LoanIds.parse(loanId);
        Money amount = body.amount().positive();
        LocalDate today = calendar.today();
        return idempotency.required(key, body, () -> {
            RepaymentResult result = commands.send(new RecordLoanRepayment(id, TransactionId.random(), amount, today,
                    body.tillId()));
            return ResponseEntity.status(HttpStatus.CREATED).body(RepaymentResponse.of(result));
        });
    }

    @PostMapping("/write-off")
    @PreAuthorize("hasRole('MANAGER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = WriteOffResponse.class)))
    public ResponseEntity<Object> writeOff(@PathVariable String loanId,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           @Valid @RequestBody(required = false) ReasonRequest body) {
        LoanId id = LoanIds.parse(loanId);
        ReasonRequest request = ReasonRequest.orNone(body);
        String manager = access.currentUser().username();
        LocalDate today = calendar.today();
        return idempotency.required(key, request, () -> {
            TransactionId transactionId = TransactionId.random();
            LoanComponents writtenOff = commands.send(new WriteOffLoan(id, transactionId, today, manager,
                    request.reason()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new WriteOffResponse(transactionId.value(),
                    id.value(), Components.of(writtenOff), "WRITTEN_OFF"));
        });
    }

    @PostMapping("/recoveries")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RecoveryResponse.class)))
    public ResponseEntity<Object> recover(@PathVariable String loanId,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          @Valid @RequestBody PaymentRequest body) {
        LoanId id = LoanIds.parse(loanId);
        Money amount = body.amount().positive();
        LocalDate today = calendar.today();
        return idempotency.required(key, body, () -> {
            TransactionId transactionId = TransactionId.random();
            Money recovered = commands.send(new RecordRecovery(id, transactionId, amount, today, body.tillId()));
            return ResponseEntity.status(HttpStatus.CREATED).body(new RecoveryResponse(transactionId.value(),
                    id.value(), amount, recovered));
        });
    }

    /** Allowed by the ledger only while the loan is past due; see {@code CallGuarantee}. */
    @PostMapping("/guarantee-calls")
    @PreAuthorize("hasRole('MANAGER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RepaymentResponse.class)))
    public ResponseEntity<Object> callGuarantee(@PathVariable String loanId,
                                                @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                                @Valid @RequestBody GuaranteeCallRequest body) {
        LoanId id = LoanIds.parse(loanId);
        AccountId account = AccountIds.parse(body.savingsAccountId(), "savingsAccountId");
        String manager = access.currentUser().username();
        LocalDate today = calendar.today();
        return idempotency.required(key, body, () -> {
            RepaymentResult result = commands.send(new CallGuarantee(id, TransactionId.random(), account, today,
                    manager));
            return ResponseEntity.status(HttpStatus.CREATED).body(RepaymentResponse.of(result));
        });
    }
}

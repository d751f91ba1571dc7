package org.coopledger.api.loans;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.api.members.MemberIds;
import org.coopledger.api.savings.AccountIds;
import org.coopledger.api.security.Access;
import org.coopledger.api.time.BusinessCalendar;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.loans.LoanProductCatalog;
import org.coopledger.core.loans.api.ApproveLoan;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.RejectLoan;
import org.coopledger.core.loans.api.SubmitLoanApplication;
import org.coopledger.core.loans.api.WithdrawLoanApplication;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.joda.money.Money;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * The lifecycle before any money moves: a TELLER enters the application (the maker), a MANAGER
 * who is not that user approves or rejects it (the checker; the ledger refuses the maker with
 * MAKER_CHECKER_VIOLATION), and a TELLER records the member withdrawing it before disbursement.
 * The acting user comes from the login, never from the body.
 */
@RestController
@RequestMapping("/api/v1/loans")
class LoanApplicationController {

    private final LoanCommands commands;
    private final LoanProductCatalog products;
    private final BusinessCalendar calendar;
    private final Access access;
    private final Idempotency idempotency;

    LoanApplicationController(LoanCommands commands, LoanProductCatalog products, BusinessCalendar calendar,
                              Access access, Idempotency idempotency) {
        this.commands = commands;
        this.products = products;
        this.calendar = calendar;
        this.access = access;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LoanStatusResponse.class)))
    public ResponseEntity<Object> apply(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                        @Valid @RequestBody LoanApplicationRequest body) {
        MemberId memberId = MemberIds.parse(body.memberId());
        Money principal = body.principal().positive();
        List<Guarantee> guarantors = body.guarantors() == null ? List.of()
                : body.guarantors().stream().map(GuarantorRequest::guarantee).toList();
        int installments = installments(body);
        String submittedBy = access.currentUser().username();
        LocalDate today = calendar.today();
        return idempotency.optional(key, body, () -> {
            LoanId loanId = commands.send(new SubmitLoanApplication(LoanId.random(), memberId, body.productCode(),
                    principal, installments, guarantors, submittedBy, today));
            return ResponseEntity.created(URI.create("/api/v1/loans/" + loanId))
                    .body(new LoanStatusResponse(loanId.value(), "SUBMITTED", today));
        });
    }

    /** A count the product fixes need not be sent; any other must be, rather than guessed. */
    private int installments(LoanApplicationRequest body) {
        if (body.installments() != null) {
            return body.installments();
        }
        LoanTerms terms = products.product(body.productCode()).map(p -> p.terms())
                .orElseThrow(() -> new LedgerException(ErrorCode.PRODUCT_NOT_FOUND, "no loan product "
                        + body.productCode()));
        if (terms.installmentsMin() != terms.installmentsMax()) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "installments is required: the product allows "
                    + terms.installmentsMin() + " to " + terms.installmentsMax());
        }
        return terms.installmentsMin();
    }

    @PostMapping("/{loanId}/approval")
    @PreAuthorize("hasRole('MANAGER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoanStatusResponse.class)))
    public ResponseEntity<Object> approve(@PathVariable String loanId,
                                          @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                          @Valid @RequestBody(required = false) ApprovalRequest body) {
        LoanId id = LoanIds.parse(loanId);
        ApprovalRequest decision = ApprovalRequest.orNone(body);
        AccountId compulsory = decision.compulsorySavingsAccountId() == null ? null
                : AccountIds.parse(decision.compulsorySavingsAccountId(), "compulsorySavingsAccountId");
        String approvedBy = access.currentUser().username();
        LocalDate today = calendar.today();
        return idempotency.optional(key, decision, () -> {
            commands.send(new ApproveLoan(id, approvedBy, today, compulsory));
            return ResponseEntity.ok(new LoanStatusResponse(id.value(), "APPROVED", today));
        });
    }

    @PostMapping("/{loanId}/rejection")
    @PreAuthorize("hasRole('MANAGER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoanStatusResponse.class)))
    public ResponseEntity<Object> reject(@PathVariable String loanId,
                                         @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @Valid @RequestBody RejectionRequest body) {
        LoanId id = LoanIds.parse(loanId);
        String rejectedBy = access.currentUser().username();
        LocalDate today = calendar.today();
        return idempotency.optional(key, body, () -> {
            commands.send(new RejectLoan(id, rejectedBy, today, body.reason()));
            return ResponseEntity.ok(new LoanStatusResponse(id.value(), "REJECTED", today));
        });
    }

    @PostMapping("/{loanId}/withdrawal")
    @PreAuthorize("hasRole('TELLER')")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = LoanStatusResponse.class)))
    public ResponseEntity<Object> withdraw(@PathVariable String loanId,
                                           @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                           @Valid @RequestBody(required = false) ReasonRequest body) {
        LoanId id = LoanIds.parse(loanId);
        ReasonRequest decision = ReasonRequest.orNone(body);
        LocalDate today = calendar.today();
        return idempotency.optional(key, decision, () -> {
            commands.send(new WithdrawLoanApplication(id, today, decision.reason()));
            return ResponseEntity.ok(new LoanStatusResponse(id.value(), "WITHDRAWN", today));
        });
    }
}

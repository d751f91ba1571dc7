package org.coopledger.api.loans;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.loans.LoanProductCatalog;
import org.coopledger.core.loans.api.DefineLoanProduct;
import org.coopledger.core.loans.api.LoanTerms;
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
import java.util.List;

/** Loan products: defined by an ADMIN, read by staff. Read from the event store, so a new product shows at once. */
@RestController
@RequestMapping("/api/v1/loan-products")
class LoanProductController {

    private final CommandGateway gateway;
    private final LoanProductCatalog catalog;
    private final LoanProductCodes codes;
    private final Idempotency idempotency;

    LoanProductController(CommandGateway gateway, LoanProductCatalog catalog, LoanProductCodes codes,
                          Idempotency idempotency) {
        this.gateway = gateway;
        this.catalog = catalog;
        this.codes = codes;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = LoanProductResponse.class)))
    public ResponseEntity<Object> define(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                         @Valid @RequestBody LoanProductRequest body) {
        LoanTerms terms = body.terms();
        return idempotency.optional(key, body, () -> {
            String code = gateway.sendAndWait(new DefineLoanProduct(body.productCode(), body.name(), terms));
            return ResponseEntity.created(URI.create("/api/v1/loan-products/" + code))
                    .body(LoanProductResponse.of(code, body.name(), terms));
        });
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('ADMIN', 'TELLER', 'MANAGER', 'AUDITOR')")
    public List<LoanProductResponse> list() {
        return codes.all().stream().flatMap(code -> catalog.product(code).stream())
                .map(LoanProductResponse::of).toList();
    }

    @GetMapping("/{productCode}")
    @PreAuthorize("hasAnyRole('ADMIN', 'TELLER', 'MANAGER', 'AUDITOR')")
    public LoanProductResponse get(@PathVariable String productCode) {
        return catalog.product(productCode).map(LoanProductResponse::of)
                .orElseThrow(() -> new LedgerException(ErrorCode.PRODUCT_NOT_FOUND, "no such loan product"));
    }
}

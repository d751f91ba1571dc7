package org.coopledger.api.savings;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.coopledger.api.idempotency.Idempotency;
import org.coopledger.core.savings.api.DefineSavingsProduct;
import org.joda.money.Money;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/savings-products")
class SavingsProductController {

    private final CommandGateway gateway;
    private final Idempotency idempotency;

    SavingsProductController(CommandGateway gateway, Idempotency idempotency) {
        this.gateway = gateway;
        this.idempotency = idempotency;
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @ApiResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = ProductResponse.class)))
    public ResponseEntity<Object> define(@RequestHeader(name = "Idempotency-Key", required = false) String key,
                                  @Valid @RequestBody ProductRequest body) {
        Money minimumBalance = body.minimumBalance().nonNegative();
        return idempotency.optional(key, body, () -> {
            String code = gateway.sendAndWait(new DefineSavingsProduct(body.productCode(), body.name(), minimumBalance));
            return ResponseEntity.status(HttpStatus.CREATED).body(new ProductResponse(code, body.name(), minimumBalance));
        });
    }
}

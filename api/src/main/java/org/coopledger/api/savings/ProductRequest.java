package org.coopledger.api.savings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/savings-products}; the minimum balance also fixes the product's currency. */
public record ProductRequest(@NotBlank @Size(max = 32) String productCode,
                             @NotBlank @Size(max = 100) String name,
                             @NotNull MoneyRequest minimumBalance) {
}

package org.coopledger.api.savings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST /api/v1/savings-accounts}: exactly one of {@code productCode} (the product's
 * terms and currency) and {@code currency} (a plain voluntary account without minimum balance).
 */
public record OpenAccountRequest(@NotBlank @Size(max = 64) String memberId,
                                 @Size(max = 32) String productCode,
                                 @Size(max = 3) String currency) {
}

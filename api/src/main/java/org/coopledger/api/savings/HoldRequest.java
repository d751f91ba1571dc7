package org.coopledger.api.savings;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Body of {@code POST .../holds}.
 *
 * @param holdId chosen by the client to make a retry safe (a second hold with the same id is
 *               refused as DUPLICATE_HOLD); generated when absent
 */
public record HoldRequest(@Size(max = 64) String holdId,
                          @NotNull MoneyRequest amount,
                          @NotBlank @Size(max = 200) String reason) {
}

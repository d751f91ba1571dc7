package org.coopledger.api.transfers;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coopledger.api.savings.MoneyRequest;

/** Body of {@code POST /api/v1/transfers}: money between two accounts of the same currency. */
public record TransferRequest(@NotBlank @Size(max = 64) String fromAccountId,
                              @NotBlank @Size(max = 64) String toAccountId,
                              @NotNull MoneyRequest amount,
                              @Size(max = 140) String reference) {
}

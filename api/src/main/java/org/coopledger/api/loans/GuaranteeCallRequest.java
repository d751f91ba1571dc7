package org.coopledger.api.loans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Names the guarantee to call by the savings account it pledged (each guarantee pledges a different one). */
public record GuaranteeCallRequest(@NotBlank @Size(max = 64) String savingsAccountId) {
}

package org.coopledger.api.loans;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of a rejection: the reason is required, and must not name a person. */
public record RejectionRequest(@NotBlank @Size(max = 500) String reason) {
}

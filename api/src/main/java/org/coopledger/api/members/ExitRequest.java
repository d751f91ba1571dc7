package org.coopledger.api.members;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ExitRequest(@NotBlank @Size(max = 500) String reason) {
}

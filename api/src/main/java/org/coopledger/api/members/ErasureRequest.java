package org.coopledger.api.members;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Body of {@code POST .../erasure}. The reason is kept for ever in the event: it must not name the person. */
public record ErasureRequest(@NotBlank @Size(max = 500) String reason) {
}

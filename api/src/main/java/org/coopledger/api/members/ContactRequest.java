package org.coopledger.api.members;

import jakarta.validation.constraints.Size;

/** Body of {@code PATCH .../contact}; an absent field keeps its value, at least one must be given. */
public record ContactRequest(@Size(max = 32) String phone, @Size(max = 500) String address) {

    @Override
    public String toString() {
        return "ContactRequest[redacted]";
    }
}

package org.coopledger.core.loans.api;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a loan account. Serialized as the bare string; {@link #toString()} is what Axon uses as
 * aggregate identifier. Shorter than other ids because guarantee hold ids and system transaction ids
 * are built from it and must stay within their own 64-character limits.
 */
public record LoanId(String value) {

    /** Longest identifier accepted from outside (a UUID has 36 characters). */
    public static final int MAX_LENGTH = 40;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public LoanId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("identifier must have 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static LoanId random() {
        return new LoanId(UUID.randomUUID().toString());
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    @Override
    public String toString() {
        return value;
    }
}

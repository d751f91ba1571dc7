package org.coopledger.core.journal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Objects;
import java.util.UUID;

/** Identifies one business transaction (a deposit, a transfer...), the same in every event it produces. Serialized as the bare string; {@link #toString()} is what Axon uses as aggregate identifier. */
public record TransactionId(String value) {

    /** Longest identifier accepted from outside; keeps keys and logs bounded. */
    public static final int MAX_LENGTH = 64;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public TransactionId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("identifier must have 1 to " + MAX_LENGTH + " characters");
        }
    }

    public static TransactionId random() {
        return new TransactionId(UUID.randomUUID().toString());
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

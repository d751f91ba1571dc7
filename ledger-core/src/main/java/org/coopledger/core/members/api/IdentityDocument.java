package org.coopledger.core.members.api;

import java.util.Objects;

/** A KYC document; {@code number} is null exactly when the type is {@link DocumentType#NONE_YET}. */
public record IdentityDocument(DocumentType type, String number) {

    public IdentityDocument {
        Objects.requireNonNull(type, "type");
        if (type == DocumentType.NONE_YET && number != null) {
            throw new IllegalArgumentException("a member without a document has no document number");
        }
        if (type != DocumentType.NONE_YET && (number == null || number.isBlank())) {
            throw new IllegalArgumentException("document number is required for " + type);
        }
    }

    public static IdentityDocument none() {
        return new IdentityDocument(DocumentType.NONE_YET, null);
    }
}

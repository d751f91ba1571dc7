package org.coopledger.api.members;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.IdentityDocument;

/** An identity document; {@code number} is absent exactly when the type is NONE_YET (refugees often have none). */
public record DocumentRequest(@NotNull DocumentType type, @Size(max = 64) String number) {

    IdentityDocument toDocument() {
        if (type == DocumentType.NONE_YET) {
            if (number != null) {
                throw new LedgerException(ErrorCode.VALIDATION_FAILED, "document.number must be absent for NONE_YET");
            }
            return IdentityDocument.none();
        }
        if (number == null || number.isBlank()) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED, "document.number is required for " + type);
        }
        return new IdentityDocument(type, number);
    }

    @Override
    public String toString() {
        return "DocumentRequest[" + type + ", redacted]";
    }
}

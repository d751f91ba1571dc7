package org.coopledger.api.loans;

import jakarta.validation.constraints.Size;

/** Optional body of a withdrawal or a write-off. The reason is kept for ever: it must not name a person. */
public record ReasonRequest(@Size(max = 500) String reason) {

    static ReasonRequest orNone(ReasonRequest body) {
        return body == null ? new ReasonRequest(null) : body;
    }
}

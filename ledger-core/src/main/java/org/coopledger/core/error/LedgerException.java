package org.coopledger.core.error;

/**
 * A refusal by the ledger with a stable {@link ErrorCode}. Thrown before anything is applied,
 * so a rejected command never changes state. The message must not contain personal data:
 * it ends up in problem details and possibly in logs.
 */
public class LedgerException extends RuntimeException {

    private final ErrorCode code;

    public LedgerException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}

package org.coopledger.api.problem;

import java.util.Map;

/**
 * A refusal by the HTTP layer (a taken username, a reused idempotency key...) with a stable
 * {@link ApiErrorCode}. Like domain refusals it is expected, so it carries no stack trace; its
 * detail and errors reach the client and must not contain personal data or secrets.
 */
public class ApiException extends RuntimeException {

    private final ApiErrorCode code;
    private final Map<String, String> errors;

    public ApiException(ApiErrorCode code, String detail) {
        this(code, detail, Map.of());
    }

    public ApiException(ApiErrorCode code, String detail, Map<String, String> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = Map.copyOf(errors);
    }

    public ApiErrorCode code() {
        return code;
    }

    /** Field → message, for validation failures; empty otherwise. */
    public Map<String, String> errors() {
        return errors;
    }
}

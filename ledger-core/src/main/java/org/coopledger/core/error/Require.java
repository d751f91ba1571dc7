package org.coopledger.core.error;

/**
 * Shape checks on command fields, each refusing with {@link ErrorCode#VALIDATION_FAILED}. Messages
 * name the field, never its value: values may be personal data and messages reach logs.
 */
public final class Require {

    private Require() {
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    /** A required, non-blank text of at most {@code maxChars} characters. */
    public static String text(String value, String field, int maxChars) {
        if (value == null || value.isBlank()) {
            throw invalid(field + " is required");
        }
        return optionalText(value, field, maxChars);
    }

    /** Absent (null) is fine; present means non-blank and at most {@code maxChars} characters. */
    public static String optionalText(String value, String field, int maxChars) {
        if (value == null) {
            return null;
        }
        if (value.isBlank()) {
            throw invalid(field + " must not be blank");
        }
        if (value.length() > maxChars) {
            throw invalid(field + " has more than " + maxChars + " characters");
        }
        return value;
    }

    public static LedgerException invalid(String message) {
        return new LedgerException(ErrorCode.VALIDATION_FAILED, message);
    }
}

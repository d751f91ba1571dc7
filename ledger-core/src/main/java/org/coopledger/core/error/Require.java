package org.coopledger.core.error;

import java.util.regex.Pattern;

/**
 * Shape checks on command fields, each refusing with {@link ErrorCode#VALIDATION_FAILED}. Messages
 * name the field, never its value: values may be personal data and messages reach logs.
 */
public final class Require {

    /** Savings and loan products share one code space (product codes are aggregate ids). */
    private static final Pattern PRODUCT_CODE = Pattern.compile("[A-Z0-9_-]{1,32}");

    private Require() {
    }

    /** A product code: 1 to 32 upper-case letters, digits, '_' or '-'. */
    public static String productCode(String productCode) {
        present(productCode, "productCode");
        if (!PRODUCT_CODE.matcher(productCode).matches()) {
            throw invalid("productCode must be 1 to 32 upper-case letters, digits, '_' or '-'");
        }
        return productCode;
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

package org.coopledger.core.money;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.joda.money.CurrencyUnit;
import org.joda.money.IllegalCurrencyException;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The one way amounts enter the ledger. Parsing is strict: an amount with more decimals than
 * its currency has is refused, never rounded, and so are zero, negatives, exponents and
 * magnitudes beyond {@link #MAX_MAJOR_UNITS}.
 */
public final class MoneyParser {

    /**
     * Largest accepted amount, in major units of any currency (exclusive). One trillion is far
     * beyond any cooperative's single movement yet keeps sums of millions of them inside
     * NUMERIC(38, 4) and Joda-Money's range.
     */
    public static final BigDecimal MAX_MAJOR_UNITS = new BigDecimal("1000000000000");

    /** Longest amount string we even try to read; longer input is refused without parsing. */
    static final int MAX_AMOUNT_CHARS = 40;

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+(\\.[0-9]+)?");
    private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

    private MoneyParser() {
    }

    /** Parses a positive amount in the given currency, e.g. {@code ("125.50", "JOD")}. */
    public static Money parsePositive(String amount, String currencyCode) {
        CurrencyUnit currency = currency(currencyCode);
        BigDecimal value = decimal(amount);
        if (value.signum() <= 0) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT, "amount must be greater than zero");
        }
        return ofExact(currency, value);
    }

    /** Like {@link #parsePositive} but accepts zero, for limits such as a minimum balance. */
    public static Money parseNonNegative(String amount, String currencyCode) {
        CurrencyUnit currency = currency(currencyCode);
        BigDecimal value = decimal(amount);
        if (value.signum() == 0) {
            return Money.zero(currency);
        }
        return ofExact(currency, value);
    }

    /** Parses a currency code that Joda-Money (ISO 4217) knows. */
    public static CurrencyUnit currency(String currencyCode) {
        if (currencyCode == null || !CURRENCY_CODE.matcher(currencyCode).matches()) {
            throw new LedgerException(ErrorCode.UNKNOWN_CURRENCY, "currency must be a three-letter ISO 4217 code");
        }
        try {
            CurrencyUnit unit = CurrencyUnit.of(currencyCode);
            // X-codes are metals, test codes and supranational units (XAU, XTS, XXX, XDR):
            // no cooperative account is held in them, and Joda-Money gives some a false scale.
            if (unit.getDecimalPlaces() < 0 || currencyCode.startsWith("X")) {
                throw new LedgerException(ErrorCode.UNKNOWN_CURRENCY, "currency " + currencyCode + " has no minor unit");
            }
            return unit;
        } catch (IllegalCurrencyException e) {
            throw new LedgerException(ErrorCode.UNKNOWN_CURRENCY, "unknown currency " + currencyCode);
        }
    }

    /**
     * Checks an amount that is already a {@link BigDecimal} against the same rules as a string:
     * scale within the currency, positive, below the limit.
     */
    public static Money ofExact(CurrencyUnit currency, BigDecimal value) {
        if (value.signum() <= 0) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT, "amount must be greater than zero");
        }
        if (value.abs().compareTo(MAX_MAJOR_UNITS) >= 0) {
            throw new LedgerException(ErrorCode.AMOUNT_TOO_LARGE,
                    "amount must be below " + MAX_MAJOR_UNITS.toPlainString() + " " + currency.getCode());
        }
        if (value.scale() > currency.getDecimalPlaces()) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT_SCALE,
                    currency.getCode() + " amounts have at most " + currency.getDecimalPlaces() + " decimals");
        }
        return Money.of(currency, value);
    }

    /**
     * Checks an amount that reached a command as {@link Money} (not as a string) against the same
     * rules: present, known currency with a minor unit, positive, below the limit.
     */
    public static Money requirePositive(Money amount) {
        if (amount == null) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT, "amount is required");
        }
        return ofExact(currency(amount.getCurrencyUnit().getCode()), amount.getAmount());
    }

    /** Like {@link #requirePositive(Money)} but accepts zero, for limits such as a minimum balance. */
    public static Money requireNonNegative(Money amount) {
        if (amount != null && amount.isZero()) {
            return Money.zero(currency(amount.getCurrencyUnit().getCode()));
        }
        return requirePositive(amount);
    }

    private static BigDecimal decimal(String amount) {
        if (amount == null || amount.isEmpty()) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT, "amount is required");
        }
        if (amount.length() > MAX_AMOUNT_CHARS) {
            boolean digits = amount.chars().allMatch(c -> c == '.' || c == '-' || (c >= '0' && c <= '9'));
            throw new LedgerException(digits ? ErrorCode.AMOUNT_TOO_LARGE : ErrorCode.INVALID_AMOUNT,
                    "amount has more than " + MAX_AMOUNT_CHARS + " characters");
        }
        if (!DECIMAL.matcher(amount).matches()) {
            throw new LedgerException(ErrorCode.INVALID_AMOUNT, "amount must be a plain decimal string such as \"125.50\"");
        }
        return new BigDecimal(amount);
    }
}

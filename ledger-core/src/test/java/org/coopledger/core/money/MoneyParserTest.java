package org.coopledger.core.money;

import org.coopledger.core.error.ErrorCode;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;

import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MoneyParserTest {

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource({
            "125.500, JOD, 125.500",
            "125.5,   JOD, 125.500",
            "0.001,   KWD, 0.001",
            "10.50,   USD, 10.50",
            "10,      EUR, 10.00",
            "1000,    UGX, 1000",
            "1,       JPY, 1",
            "999999999999.99, USD, 999999999999.99",
    })
    void amountWithinItsCurrencysDecimalsIsReadExactly(String amount, String currency, String expected) {
        Money parsed = MoneyParser.parsePositive(amount, currency);
        assertEquals(Money.of(CurrencyUnit.of(currency), new BigDecimal(expected)), parsed);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "1.2345, JOD",
            "1.2345, KWD",
            "10.500, USD",
            "10.505, USD",
            "0.001,  EUR",
            "1000.5, UGX",
            "1000.0, UGX",
            "1.0,    JPY",
            "0.000000000000000000000000000001, JOD",
    })
    void amountWithMoreDecimalsThanItsCurrencyHasIsRefusedNotRounded(String amount, String currency) {
        assertRejected(ErrorCode.INVALID_AMOUNT_SCALE, () -> MoneyParser.parsePositive(amount, currency));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0.00", "-0", "-1", "-0.01"})
    void zeroAndNegativeAmountsAreRefused(String amount) {
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.parsePositive(amount, "USD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "1E5", " 5", "5 ", "5.", ".5", "+5", "1,000", "1_000", "0x10", "NaN", "abc",
            "١٠"})
    void anythingButAPlainDecimalIsRefusedAsInvalidAmount(String amount) {
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.parsePositive(amount, "USD"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void missingAmountIsRefusedAsInvalidAmount(String amount) {
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.parsePositive(amount, "USD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000000000000", "1000000000000.00", "123456789012345678901234567890",
            "12345678901234567890123456789012345678901"})
    void amountsOfOneTrillionAndMoreAreRefusedAsTooLarge(String amount) {
        assertRejected(ErrorCode.AMOUNT_TOO_LARGE, () -> MoneyParser.parsePositive(amount, "USD"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ", "usd", "US", "USDD", " USD", "XAU", "XTS", "XXX"})
    void unknownOrMalformedCurrencyIsRefused(String currency) {
        assertRejected(ErrorCode.UNKNOWN_CURRENCY, () -> MoneyParser.parsePositive("10", currency));
    }

    @Test
    void missingCurrencyIsRefusedAsUnknown() {
        assertRejected(ErrorCode.UNKNOWN_CURRENCY, () -> MoneyParser.parsePositive("10", null));
    }

    @Test
    void currencyIsCheckedBeforeTheAmount() {
        assertRejected(ErrorCode.UNKNOWN_CURRENCY, () -> MoneyParser.parsePositive("1e5", "XYZ"));
    }

    @Test
    void nonNegativeParsingAcceptsZeroForLimits() {
        assertEquals(Money.zero(CurrencyUnit.of("JOD")), MoneyParser.parseNonNegative("0", "JOD"));
        assertEquals(Money.of(CurrencyUnit.of("JOD"), new BigDecimal("5.000")),
                MoneyParser.parseNonNegative("5", "JOD"));
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.parseNonNegative("-1", "JOD"));
        assertRejected(ErrorCode.INVALID_AMOUNT_SCALE, () -> MoneyParser.parseNonNegative("0.0001", "JOD"));
    }

    @Test
    void moneyArrivingInACommandIsHeldToTheSameRules() {
        CurrencyUnit jod = CurrencyUnit.of("JOD");
        assertEquals(Money.of(jod, 5), MoneyParser.requirePositive(Money.of(jod, 5)));
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.requirePositive(null));
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.requirePositive(Money.zero(jod)));
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.requirePositive(Money.of(jod, -1)));
        assertRejected(ErrorCode.AMOUNT_TOO_LARGE,
                () -> MoneyParser.requirePositive(Money.of(jod, new BigDecimal("1000000000000"))));
        assertEquals(Money.zero(jod), MoneyParser.requireNonNegative(Money.zero(jod)));
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.requireNonNegative(Money.of(jod, -1)));
        assertRejected(ErrorCode.INVALID_AMOUNT, () -> MoneyParser.requireNonNegative(null));
    }
}

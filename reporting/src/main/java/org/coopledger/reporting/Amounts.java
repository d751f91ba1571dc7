package org.coopledger.reporting;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;

/**
 * Turns a stored NUMERIC amount back into {@link Money}. Columns keep four decimals for every
 * currency; the value is brought back to the currency's own scale exactly, so a stored amount
 * that does not fit its currency fails loudly instead of being rounded.
 */
public final class Amounts {

    private Amounts() {
    }

    public static Money money(String currencyCode, BigDecimal amount) {
        CurrencyUnit currency = CurrencyUnit.of(currencyCode);
        return Money.of(currency, amount.setScale(currency.getDecimalPlaces()));
    }

    /** A plain decimal string with the currency's scale, e.g. "0.000" for JOD. */
    public static String plain(Money money) {
        return money.getAmount().toPlainString();
    }
}

package org.coopledger.reporting.verify;

import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

/** A savings account as recomputed from its events alone. */
final class AccountState {

    final CurrencyUnit currency;
    Money balance;
    Money held;
    long movements;
    boolean closed;

    AccountState(CurrencyUnit currency) {
        this.currency = currency;
        this.balance = Money.zero(currency);
        this.held = Money.zero(currency);
    }
}

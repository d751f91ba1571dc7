package org.coopledger.core.savings.api;

import org.joda.money.Money;

/** The minimum balance also fixes the product's currency. */
public record SavingsProductDefined(String productCode, String name, Money minimumBalance) {
}

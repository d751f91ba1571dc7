package org.coopledger.core.savings.api;

import org.joda.money.Money;

/** Defines a savings product; its code is unique and becomes the product's identity. */
public record DefineSavingsProduct(String productCode, String name, Money minimumBalance) {
}

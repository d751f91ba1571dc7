package org.coopledger.api.savings;

import org.joda.money.Money;

public record ProductResponse(String productCode, String name, Money minimumBalance) {
}

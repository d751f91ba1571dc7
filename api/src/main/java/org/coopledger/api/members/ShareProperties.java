package org.coopledger.api.members;

import org.coopledger.core.money.MoneyParser;
import org.joda.money.Money;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The nominal price of one member share ({@code LEDGER_SHARE_PRICE}, {@code LEDGER_SHARE_CURRENCY}).
 * Parsed by the one money parser when the application starts, so a mistyped price stops the
 * ledger at boot instead of at the first purchase.
 */
@ConfigurationProperties(prefix = "ledger.shares")
public record ShareProperties(String price, String currency) {

    public ShareProperties {
        MoneyParser.parsePositive(price, currency);
    }

    public Money nominalPrice() {
        return MoneyParser.parsePositive(price, currency);
    }
}

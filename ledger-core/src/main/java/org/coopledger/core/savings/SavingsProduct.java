package org.coopledger.core.savings;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coopledger.core.savings.api.SavingsProductDefined;
import org.joda.money.Money;


import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A savings product, identified by its code. It decides nothing after its definition; it exists
 * as an aggregate so that its terms are part of the ledger's history and an account opened
 * under it copies terms that provably existed. The stored type is pinned (see {@code Member}).
 */
@Aggregate(type = "SavingsProduct")
class SavingsProduct {

    static final int MAX_NAME_CHARS = 100;

    @AggregateIdentifier
    private String productCode;
    private Money minimumBalance;

    SavingsProduct() {
        // Axon rebuilds products from their events.
    }

    /** The definition proper; the caller has validated the command and checked the code is free. */
    SavingsProduct(SavingsProductDefined defined) {
        apply(defined);
    }

    /** Also fixes the currency of every account opened under this product. */
    Money minimumBalance() {
        return minimumBalance;
    }

    @EventSourcingHandler
    void on(SavingsProductDefined event) {
        productCode = event.productCode();
        minimumBalance = event.minimumBalance();
    }
}

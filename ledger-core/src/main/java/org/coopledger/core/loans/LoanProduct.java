package org.coopledger.core.loans;

import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.coopledger.core.loans.api.LoanProductDefined;
import org.coopledger.core.loans.api.LoanTerms;


import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A loan product, identified by its code. Like a savings product it decides nothing after its
 * definition: it exists so that the terms an application copies provably existed. The stored
 * type is pinned (see {@code Member}).
 */
@Aggregate(type = "LoanProduct")
class LoanProduct {

    static final int MAX_NAME_CHARS = 100;

    @AggregateIdentifier
    private String productCode;
    private LoanTerms terms;

    LoanProduct() {
        // Axon rebuilds products from their events.
    }

    /** The definition proper; the caller has validated the command and checked the code is free. */
    LoanProduct(LoanProductDefined defined) {
        apply(defined);
    }

    LoanTerms terms() {
        return terms;
    }

    @EventSourcingHandler
    void on(LoanProductDefined event) {
        productCode = event.productCode();
        terms = event.terms();
    }
}

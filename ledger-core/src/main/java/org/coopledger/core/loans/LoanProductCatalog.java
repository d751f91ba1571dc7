package org.coopledger.core.loans;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coopledger.core.error.Require;
import org.coopledger.core.loans.api.LoanProductDefined;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Reads a loan product's definition from the event store. A product is one event that never
 * changes, so its first event is the whole product and no projection is needed to show it; an id
 * whose first event is anything else (a savings product, an account) is no loan product.
 */
@Component
public class LoanProductCatalog {

    private final EventStore eventStore;

    LoanProductCatalog(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<LoanProductDefined> product(String productCode) {
        String code = Require.productCode(productCode);
        DomainEventStream events = eventStore.readEvents(code);
        if (!events.hasNext()) {
            return Optional.empty();
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload() instanceof LoanProductDefined defined ? Optional.of(defined) : Optional.empty();
    }
}

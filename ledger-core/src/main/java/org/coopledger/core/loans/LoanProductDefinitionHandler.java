package org.coopledger.core.loans;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.loans.api.DefineLoanProduct;
import org.coopledger.core.loans.api.LoanProductDefined;
import org.springframework.stereotype.Component;

/**
 * Defines loan products. As for savings products, the event store is asked first so that a
 * taken code (by any aggregate) is PRODUCT_ALREADY_EXISTS rather than an anonymous conflict.
 */
@Component
class LoanProductDefinitionHandler {

    private final Repository<LoanProduct> products;
    private final EventStore eventStore;

    LoanProductDefinitionHandler(Repository<LoanProduct> products, EventStore eventStore) {
        this.products = products;
        this.eventStore = eventStore;
    }

    /** Answers the product code. */
    @CommandHandler
    String handle(DefineLoanProduct command) throws Exception {
        String code = Require.productCode(command.productCode());
        Require.text(command.name(), "name", LoanProduct.MAX_NAME_CHARS);
        LoanTermsRules.validate(command.terms());
        if (eventStore.lastSequenceNumberFor(code).isPresent()) {
            throw new LedgerException(ErrorCode.PRODUCT_ALREADY_EXISTS, "product " + code + " already exists");
        }
        LoanProductDefined defined = new LoanProductDefined(code, command.name(), command.terms());
        products.newInstance(() -> new LoanProduct(defined));
        return code;
    }
}

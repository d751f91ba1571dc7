package org.coopledger.core.savings;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.Repository;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.error.Require;
import org.coopledger.core.money.MoneyParser;
import org.coopledger.core.savings.api.DefineSavingsProduct;
import org.coopledger.core.savings.api.SavingsProductDefined;
import org.joda.money.Money;
import org.springframework.stereotype.Component;

/**
 * Defines savings products. The code is the aggregate id, so a duplicate would only fail when
 * its first event is appended, as an anonymous storage conflict; asking the event store first
 * turns the ordinary case into PRODUCT_ALREADY_EXISTS (also when another aggregate already has
 * that id). Two definitions racing for one new code are still stopped by the event store's
 * unique key, the loser with Axon's AggregateStreamCreationException.
 */
@Component
class SavingsProductDefinitionHandler {

    private final Repository<SavingsProduct> products;
    private final EventStore eventStore;

    SavingsProductDefinitionHandler(Repository<SavingsProduct> products, EventStore eventStore) {
        this.products = products;
        this.eventStore = eventStore;
    }

    /** Answers the product code. */
    @CommandHandler
    String handle(DefineSavingsProduct command) throws Exception {
        String code = Require.productCode(command.productCode());
        Require.text(command.name(), "name", SavingsProduct.MAX_NAME_CHARS);
        Money minimumBalance = MoneyParser.requireNonNegative(command.minimumBalance());
        if (eventStore.lastSequenceNumberFor(code).isPresent()) {
            throw new LedgerException(ErrorCode.PRODUCT_ALREADY_EXISTS, "product " + code + " already exists");
        }
        SavingsProductDefined defined = new SavingsProductDefined(code, command.name(), minimumBalance);
        products.newInstance(() -> new SavingsProduct(defined));
        return code;
    }
}

package org.coopledger.core.savings;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.coopledger.core.members.MemberAccounts;

/** Registers the savings feature with a plain Axon configuration, as Spring does from the annotations. */
public final class SavingsTestModule {

    private SavingsTestModule() {
    }

    public static void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(SavingsProduct.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(SavingsAccount.class))
                .registerComponent(SavingsForLoans.class, c -> new SavingsForLoans(c.repository(SavingsAccount.class)))
                .registerCommandHandler(c -> new SavingsProductDefinitionHandler(c.repository(SavingsProduct.class),
                        c.eventStore()))
                .registerCommandHandler(c -> new SavingsAccountHandlers(c.repository(SavingsAccount.class),
                        c.repository(SavingsProduct.class), c.getComponent(MemberAccounts.class)));
    }
}

package org.coopledger.core.loans;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.coopledger.core.members.MemberAccounts;
import org.coopledger.core.savings.SavingsForLoans;

/** Registers the loans feature with a plain Axon configuration, as Spring does from the annotations. */
public final class LoansTestModule {

    private LoansTestModule() {
    }

    public static void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(LoanProduct.class))
                .configureAggregate(AggregateConfigurer.defaultConfiguration(LoanAccount.class))
                .registerCommandHandler(c -> new LoanProductDefinitionHandler(c.repository(LoanProduct.class),
                        c.eventStore()))
                .registerCommandHandler(c -> new LoanAccountHandlers(c.repository(LoanAccount.class),
                        c.repository(LoanProduct.class), c.getComponent(MemberAccounts.class),
                        c.getComponent(SavingsForLoans.class)));
    }
}

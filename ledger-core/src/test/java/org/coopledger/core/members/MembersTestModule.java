package org.coopledger.core.members;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registers the members feature with a plain Axon configuration, as Spring does from the annotations. */
public final class MembersTestModule {

    private MembersTestModule() {
    }

    public static void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Member.class))
                .registerComponent(MemberAccounts.class, c -> new MemberAccounts(c.repository(Member.class)))
                .registerCommandHandler(c -> new MemberRegistrationHandler(c.repository(Member.class),
                        c.getComponent(JdbcTemplate.class)));
    }
}

package org.coopledger.core.members;

import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configurer;
import org.coopledger.core.testsupport.Samples;
import org.springframework.jdbc.core.JdbcTemplate;

/** Registers the members feature with a plain Axon configuration, as Spring does from the annotations. */
public final class MembersTestModule {

    private MembersTestModule() {
    }

    /** The test cipher: zero keys and IVs (see {@link Samples#ZERO_RANDOM}), keys in {@code keys}. */
    static PersonalDataCipher cipher(MemberKeys keys) {
        return new PersonalDataCipher(keys, Samples.ZERO_RANDOM);
    }

    public static void configure(Configurer configurer) {
        configurer.configureAggregate(AggregateConfigurer.defaultConfiguration(Member.class))
                .registerComponent(MemberAccounts.class, c -> new MemberAccounts(c.repository(Member.class)))
                // Axon injects registered components into handler parameters, as Spring injects beans.
                .registerComponent(PersonalDataCipher.class, c -> cipher(new InMemoryMemberKeys()))
                .registerCommandHandler(c -> new MemberRegistrationHandler(c.repository(Member.class),
                        c.getComponent(JdbcTemplate.class), c.getComponent(PersonalDataCipher.class)));
    }
}

package org.coopledger.core.testsupport;

import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.coopledger.core.loans.LoansTestModule;
import org.coopledger.core.members.MembersTestModule;
import org.coopledger.core.savings.SavingsTestModule;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * The whole write side on Axon's in-memory event store, wired as the Spring application wires
 * it (same aggregates and handlers), for tests that span several aggregates.
 */
public final class InMemoryLedger implements AutoCloseable {

    private final InMemoryEventStorageEngine storage = new InMemoryEventStorageEngine();
    private final FakeMemberNumberRegistry memberNumbers = new FakeMemberNumberRegistry();
    private final Configuration configuration;

    public InMemoryLedger() {
        Configurer configurer = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(c -> storage)
                .registerComponent(JdbcTemplate.class, c -> memberNumbers);
        MembersTestModule.configure(configurer);
        SavingsTestModule.configure(configurer);
        LoansTestModule.configure(configurer);
        configuration = configurer.start();
    }

    /** Sends a command and answers its result; a refusal is thrown as the handler threw it. */
    public <R> R send(Object command) {
        return configuration.commandGateway().sendAndWait(command);
    }

    /** Every event appended so far, in global order. */
    public List<EventMessage<?>> eventMessages() {
        return storage.readEvents(null, false).<EventMessage<?>>map(e -> e).toList();
    }

    public List<Object> events() {
        return eventMessages().stream().<Object>map(EventMessage::getPayload).toList();
    }

    @Override
    public void close() {
        configuration.shutdown();
    }
}

package org.coopledger.core;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DefineSavingsProduct;
import org.coopledger.core.savings.api.OpenSavingsAccount;
import org.coopledger.core.savings.api.PostingResult;
import org.coopledger.core.savings.api.RecordDeposit;
import org.coopledger.core.savings.api.TransferFunds;
import org.coopledger.core.savings.api.TransferResult;
import org.coopledger.core.testsupport.FakeMemberNumberRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.registerMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write side as the application wires it: Axon's Spring Boot auto-configuration finds the
 * package-private aggregates through {@link LedgerCoreConfiguration}, creates their repositories
 * and subscribes the handlers. Only the database is replaced (in-memory events, fake registry).
 */
@SpringBootTest(classes = LedgerCoreWiringTest.Application.class,
        properties = {"axon.axonserver.enabled=false", "axoniq.update-checker.disabled=true"})
class LedgerCoreWiringTest {

    @SpringBootConfiguration
    @EnableAutoConfiguration(exclude = {DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class})
    @Import(LedgerCoreConfiguration.class)
    static class Application {

        @Bean
        EventStorageEngine eventStorageEngine() {
            return new InMemoryEventStorageEngine();
        }

        @Bean
        JdbcTemplate memberNumberRegistry() {
            return new FakeMemberNumberRegistry();
        }
    }

    @Autowired
    private CommandGateway commands;

    @Autowired
    private EventStorageEngine storage;

    @Autowired
    private EventStore eventStore;

    @Test
    void memberRegistrationAccountOpeningDepositAndTransferRunThroughSpring() {
        MemberId member = new MemberId("member-1");
        AccountId a = new AccountId("account-a");
        AccountId b = new AccountId("account-b");

        assertEquals("M-000001", commands.sendAndWait(registerMember(member, null)));
        commands.sendAndWait(new DefineSavingsProduct("VOLUNTARY", "Voluntary", jod("0")));
        commands.sendAndWait(new OpenSavingsAccount(a, member, "VOLUNTARY", null, TODAY));
        commands.sendAndWait(new OpenSavingsAccount(b, member, null, JOD, TODAY));
        PostingResult deposited = commands.sendAndWait(new RecordDeposit(a, new TransactionId("t-1"), jod("10.000"),
                TODAY, null, null, null));
        TransferResult transferred = commands.sendAndWait(new TransferFunds(new TransactionId("t-2"), a, b,
                jod("4.000"), TODAY, null));

        assertEquals(jod("10.000"), deposited.balance());
        assertEquals(jod("6.000"), transferred.from().balance());
        assertEquals(jod("4.000"), transferred.to().balance());
        Set<String> types = storage.readEvents(null, false)
                .map(e -> ((DomainEventMessage<?>) e).getType()).collect(Collectors.toSet());
        assertEquals(Set.of("Member", "SavingsProduct", "SavingsAccount"), types);
    }

    @Test
    void anIdThatBelongsToAnotherAggregateTypeIsNotFoundRatherThanMisread() {
        MemberId member = new MemberId("MEMBER-9");
        commands.sendAndWait(registerMember(member, "AMM-9"));

        assertRejected(ErrorCode.PRODUCT_NOT_FOUND, () -> commands.sendAndWait(
                new OpenSavingsAccount(new AccountId("account-9"), member, "MEMBER-9", null, TODAY)));
    }

    /**
     * Axon's shared event cache starts a producer thread ("EmbeddedEventStore-n") as soon as a
     * stream reaches the head; that thread read ahead from a stale position and held every event it
     * read until it reached the head, which ran a million-event rebuild out of memory
     * (docs/PERFORMANCE.md, Replay). The ledger's event store has no such cache: a stream that
     * reached the head keeps reading the store itself and still sees what is appended later.
     */
    @Test
    void aStreamThatReachedTheHeadKeepsReadingTheStoreWithoutAReadAheadThread() throws InterruptedException {
        long readAheadThreadsBefore = readAheadThreads();
        eventStore.publish(new GenericDomainEventMessage<>("Member", "stream-probe", 0, "first"));
        try (BlockingStream<TrackedEventMessage<?>> stream = eventStore.openStream(null)) {
            while (stream.hasNextAvailable()) {
                stream.nextAvailable();
            }
            eventStore.publish(new GenericDomainEventMessage<>("Member", "stream-probe", 1, "appended after the head"));

            assertTrue(stream.hasNextAvailable(10, TimeUnit.SECONDS), "the event appended after the head");
            assertEquals(readAheadThreadsBefore, readAheadThreads());
        }
    }

    private static long readAheadThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("EmbeddedEventStore")).count();
    }
}

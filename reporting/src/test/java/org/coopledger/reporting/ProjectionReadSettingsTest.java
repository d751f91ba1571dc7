package org.coopledger.reporting;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.BatchingEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.reporting.savings.SavingsQueries;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.registered;
import static org.coopledger.reporting.SampleEvents.usd;

/**
 * The read settings a replay can tune ({@code ledger.projections.segments} for new tokens,
 * {@code ledger.event-store.batch-size} rows per read, {@code ledger.projections.worker-threads})
 * change how the processors read, not what the projections end up with: here two segments on one
 * worker thread and reads of three rows, so that one account's history crosses many reads and
 * both segments.
 */
@DirtiesContext
@SpringBootTest(classes = EmbeddedPostgresApplication.class, properties = {
        "axon.axonserver.enabled=false",
        "spring.autoconfigure.exclude=org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
        "ledger.projections.segments=2",
        "ledger.projections.worker-threads=1",
        "ledger.event-store.batch-size=3"})
class ProjectionReadSettingsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventStorageEngine storageEngine;
    @Autowired
    private SavingsQueries savings;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void twoSegmentsOnOneThreadAndReadsOfThreeRowsStillBringEveryEventToTheProjections() {
        MemberId member = new MemberId("rs-member");
        AccountId account = new AccountId("rs-account");
        eventStore.publish(new GenericDomainEventMessage<>("Member", member.value(), 0, registered(member, "M-900002")));
        eventStore.publish(new GenericDomainEventMessage<>("SavingsAccount", account.value(), 0,
                opened(account, member, usd("0.00"))));
        Money balance = usd("0.00");
        for (int i = 1; i <= 10; i++) {
            balance = balance.plus(usd("1.25"));
            eventStore.publish(new GenericDomainEventMessage<>("SavingsAccount", account.value(), i,
                    deposit(account, "rs-d" + i, usd("1.25"), balance, DAY_1)));
        }

        Money expected = balance;
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(savings.account(account)).get().satisfies(view -> assertThat(view.balance()).isEqualTo(expected));
            assertThat(savings.statement(account, null, null, null, 20).lines()).hasSize(10);
        });
        assertThat(((BatchingEventStorageEngine) storageEngine).batchSize()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM tokenentry WHERE processorname = ?", Long.class,
                ProcessorConfiguration.PROCESSOR)).isEqualTo(2L);
    }
}

package org.coopledger.reporting;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcSequencedDeadLetterQueue;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.loans.LoanEvents;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.loans.LoanView;
import org.coopledger.reporting.members.MemberQueries;
import org.coopledger.reporting.savings.SavingsQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.registered;
import static org.coopledger.reporting.SampleEvents.sharesPurchased;
import static org.coopledger.reporting.SampleEvents.tx;
import static org.coopledger.reporting.SampleEvents.usd;

/**
 * The module as a Spring Boot application loads it: auto-configuration, Axon's JDBC event and
 * token stores on PostgreSQL, the pooled processors and their dead-letter queues. Events
 * go into the event store (serialized and read back as in production) and come out of the queries.
 */
@DirtiesContext
@SpringBootTest(classes = EmbeddedPostgresApplication.class, properties = {
        "axon.axonserver.enabled=false",
        // Only the commit signal brings events to the projections promptly (CommittedEventsSignal).
        "ledger.projections.poll-interval=1h",
        "spring.autoconfigure.exclude=org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration"})
class ProjectionsEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private SavingsQueries savings;
    @Autowired
    private MemberQueries members;
    @Autowired
    private JournalQueries journal;
    @Autowired
    private LoanQueries loans;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private PlatformTransactionManager transactions;

    private final Map<String, Long> sequences = new HashMap<>();

    private void append(String type, String aggregateId, Object payload) {
        long sequence = sequences.merge(aggregateId, 1L, Long::sum) - 1;
        publish(List.of(new GenericDomainEventMessage<>(type, aggregateId, sequence, payload)));
    }

    /** In a transaction, as the ledger publishes: its commit is what tells the projections. */
    private void publish(List<? extends DomainEventMessage<?>> events) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> eventStore.publish(events));
    }

    /**
     * Without the commit signal the coordinator would look only every 5 s (Axon's claim interval;
     * the poll is set to an hour here), so the second deposit, published right after the first
     * was applied, would wait about that long.
     */
    @Test
    void committedEventsReachTheProjectionsWithoutWaitingForAPoll() {
        MemberId member = new MemberId("signal-member");
        AccountId account = new AccountId("signal-account");
        append("SavingsAccount", account.value(), opened(account, member, usd("0.00")));
        append("SavingsAccount", account.value(), deposit(account, "signal-d1", usd("1.00"), usd("1.00"), DAY_1));
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(savings.account(account)).get()
                .satisfies(view -> assertThat(view.balance()).isEqualTo(usd("1.00"))));

        append("SavingsAccount", account.value(), deposit(account, "signal-d2", usd("2.00"), usd("3.00"), DAY_1));

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(savings.account(account)).get()
                .satisfies(view -> assertThat(view.balance()).isEqualTo(usd("3.00"))));
    }

    @Test
    void everyProjectionIsAProcessingGroupWithAJdbcDeadLetterQueueOnOnePooledProcessorWithFourSegmentsAskedSegmentFirst() {
        assertThat(processing.eventProcessor(ProcessorConfiguration.PROCESSOR, PooledStreamingEventProcessor.class))
                .get().extracting(PooledStreamingEventProcessor::eventHandlerInvoker)
                .isInstanceOf(SegmentFirstInvoker.class);
        for (String group : ProcessorConfiguration.PROCESSING_GROUPS) {
            assertThat(processing.eventProcessorByProcessingGroup(group)).as(group).get()
                    .extracting(EventProcessor::getName).isEqualTo(ProcessorConfiguration.PROCESSOR);
            assertThat(processing.deadLetterQueue(group)).as(group).get()
                    .isInstanceOf(JdbcSequencedDeadLetterQueue.class);
        }
        await().atMost(PATIENCE).untilAsserted(() -> assertThat(jdbc.queryForList(
                "SELECT processorname FROM tokenentry", String.class))
                .containsOnly(ProcessorConfiguration.PROCESSOR).hasSize(4));
    }

    @Test
    void eventsInTheStoreReachEveryProjection() {
        MemberId member = new MemberId("e2e-member");
        AccountId account = new AccountId("e2e-account");
        append("Member", member.value(), registered(member, "M-900001"));
        append("Member", member.value(), sharesPurchased(member, "e2e-s1", 2, usd("10.00"), 2, DAY_1));
        append("SavingsAccount", account.value(), opened(account, member, usd("5.00")));
        append("SavingsAccount", account.value(), deposit(account, "e2e-d1", usd("40.00"), usd("40.00"), DAY_1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(members.member(member)).get().satisfies(view -> {
                assertThat(view.sharesHeld()).isEqualTo(2);
                assertThat(view.shareCapital()).isEqualTo(usd("20.00"));
            });
            assertThat(savings.account(account)).get().satisfies(view -> {
                assertThat(view.balance()).isEqualTo(usd("40.00"));
                assertThat(view.available()).isEqualTo(usd("35.00"));
            });
            assertThat(savings.statement(account, null, null, null, 10).lines()).singleElement()
                    .satisfies(line -> assertThat(line.entryNo()).isEqualTo(1L));
            assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_line WHERE transaction_id LIKE 'e2e-%'",
                    Long.class)).isEqualTo(4L);
        });
        assertThat(jdbc.queryForList("SELECT global_index FROM journal_line WHERE transaction_id = 'e2e-d1'",
                Long.class)).doesNotContainNull();
        assertThat(journal.trialBalance(null).balanced()).isTrue();
    }

    /** Loan events survive the event store's serializer and reach the loan projection and the journal. */
    @Test
    void loanEventsInTheStoreReachTheLoanProjection() {
        MemberId member = new MemberId("e2e-borrower");
        LoanId loan = new LoanId("e2e-loan");
        LocalDate disbursedOn = LocalDate.of(2026, 1, 10);
        History history = new LoanEvents(new History())
                .submitted(loan, member, "BUSINESS", usd("200.00"), 2, "teller-1", disbursedOn.minusDays(2))
                .approved(loan, "manager-1", disbursedOn.minusDays(1))
                .disbursed(loan, member, "e2e-l1", disbursedOn, usd("4.00"),
                        LoanEvents.installment(1, disbursedOn.plusMonths(1), usd("100.00"), usd("2.00"), usd("0.00")),
                        LoanEvents.installment(2, disbursedOn.plusMonths(2), usd("100.00"), usd("2.00"), usd("0.00")))
                .repaid(loan, "e2e-l2", disbursedOn.plusMonths(1), usd("102.00"), usd("0.00"), usd("0.00"),
                        LoanEvents.parts(SampleEvents.USD, "0.00", "0.00", "2.00", "100.00"),
                        LoanEvents.paid(1, LoanEvents.parts(SampleEvents.USD, "0.00", "0.00", "2.00", "100.00")))
                .history();
        history.messages().forEach(message ->
                append(LoanEvents.AGGREGATE, ((DomainEventMessage<?>) message).getAggregateIdentifier(),
                        message.getPayload()));

        await().atMost(PATIENCE).untilAsserted(() -> assertThat(loans.loan(loan)).get().satisfies(view -> {
            assertThat(view.status()).isEqualTo("ACTIVE");
            assertThat(view.outstanding().principal()).isEqualTo(usd("100.00"));
            assertThat(view.oldestUnpaidDueDate()).isEqualTo(disbursedOn.plusMonths(2));
        }));
        assertThat(loans.schedule(loan)).extracting(installment -> installment.paid().principal())
                .containsExactly(usd("100.00"), usd("0.00"));
        assertThat(loans.loansOf(member)).extracting(LoanView::loanId).containsExactly(loan);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM loan_movement WHERE loan_id = 'e2e-loan' "
                + "AND global_index IS NOT NULL", Long.class)).isEqualTo(2L);
    }

    /**
     * A statement line that the database refuses (here a reference longer than the column) parks
     * the event and the later events of the same account; other accounts carry on.
     */
    @Test
    void anEventTheProjectionCannotApplyIsDeadLetteredWithoutStoppingOtherAccounts() {
        MemberId member = new MemberId("dlq-member");
        AccountId broken = new AccountId("dlq-broken");
        AccountId healthy = new AccountId("dlq-healthy");
        append("SavingsAccount", broken.value(), opened(broken, member, usd("0.00")));
        append("SavingsAccount", healthy.value(), opened(healthy, member, usd("0.00")));
        append("SavingsAccount", broken.value(), new DepositRecorded(broken, tx("dlq-d1"), usd("1.00"), usd("1.00"),
                DAY_1, DAY_1, "TILL-1", "x".repeat(141), JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, usd("1.00"))));
        append("SavingsAccount", broken.value(), deposit(broken, "dlq-d2", usd("2.00"), usd("3.00"), DAY_1));
        append("SavingsAccount", healthy.value(), deposit(healthy, "dlq-d3", usd("7.00"), usd("7.00"), DAY_1));

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(savings.account(healthy)).get().satisfies(view ->
                    assertThat(view.balance()).isEqualTo(usd("7.00")));
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM deadletterentry
                    WHERE processinggroup = 'savings-accounts' AND sequenceidentifier = 'dlq-broken'""", Long.class))
                    .isEqualTo(2L);
        });
        assertThat(jdbc.queryForList("SELECT causemessage FROM deadletterentry WHERE causemessage IS NOT NULL "
                + "AND sequenceidentifier = 'dlq-broken'", String.class)).singleElement().asString()
                .contains("SQLSTATE 22001").doesNotContain("xxxx");
        assertThat(savings.account(broken)).get().satisfies(view -> assertThat(view.balance()).isEqualTo(usd("0.00")));
        assertThat(savings.statement(broken, null, null, null, 10).lines()).isEmpty();
        assertThat(jdbc.queryForObject(
                "SELECT count(*) FROM journal_line WHERE transaction_id IN ('dlq-d1', 'dlq-d2')", Long.class))
                .as("the journal has no such limit and posts both").isEqualTo(4L);
    }

    /**
     * Projections take no savepoint per event unless the database refuses one (see {@code Savepoint}):
     * one refused event in the middle of a batch rolls the batch back, the batch is retried with
     * savepoints, and then the event and its account's later events are parked while every other
     * event of the batch is applied.
     */
    @Test
    void aRefusedEventInTheMiddleOfABatchIsDeadLetteredAndTheRestOfTheBatchApplied() {
        MemberId member = new MemberId("batch-member");
        AccountId broken = new AccountId("batch-broken");
        AccountId before = new AccountId("batch-before");
        AccountId after = new AccountId("batch-after");
        Map<String, Long> next = new HashMap<>();
        List<DomainEventMessage<?>> batch = new ArrayList<>();
        java.util.function.BiConsumer<AccountId, Object> add = (account, payload) -> batch.add(
                new GenericDomainEventMessage<>("SavingsAccount", account.value(),
                        next.merge(account.value(), 1L, Long::sum) - 1, payload));
        add.accept(before, opened(before, member, usd("0.00")));
        add.accept(broken, opened(broken, member, usd("0.00")));
        add.accept(before, deposit(before, "batch-d1", usd("5.00"), usd("5.00"), DAY_1));
        add.accept(broken, new DepositRecorded(broken, tx("batch-d2"), usd("1.00"), usd("1.00"), DAY_1, DAY_1,
                "TILL-1", "x".repeat(141), JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, usd("1.00"))));
        add.accept(broken, deposit(broken, "batch-d3", usd("2.00"), usd("3.00"), DAY_1));
        add.accept(after, opened(after, member, usd("0.00")));
        add.accept(after, deposit(after, "batch-d4", usd("9.00"), usd("9.00"), DAY_1));
        add.accept(before, deposit(before, "batch-d5", usd("1.00"), usd("6.00"), DAY_1));
        publish(batch);

        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(savings.account(before)).get().satisfies(view -> assertThat(view.balance()).isEqualTo(usd("6.00")));
            assertThat(savings.account(after)).get().satisfies(view -> assertThat(view.balance()).isEqualTo(usd("9.00")));
            assertThat(jdbc.queryForObject("""
                    SELECT count(*) FROM deadletterentry
                    WHERE processinggroup = 'savings-accounts' AND sequenceidentifier = 'batch-broken'""", Long.class))
                    .isEqualTo(2L);
        });
        assertThat(savings.account(broken)).get().satisfies(view -> assertThat(view.balance()).isEqualTo(usd("0.00")));
        assertThat(savings.statement(before, null, null, null, 10).lines()).hasSize(2);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM journal_line WHERE transaction_id LIKE 'batch-d%'",
                Long.class)).as("the journal accepts all five").isEqualTo(10L);
    }
}

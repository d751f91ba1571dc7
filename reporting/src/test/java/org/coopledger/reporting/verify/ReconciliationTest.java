package org.coopledger.reporting.verify;

import org.axonframework.config.ProcessingGroup;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.savings.SavingsQueries;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.DAY_2;
import static org.coopledger.reporting.SampleEvents.deposit;
import static org.coopledger.reporting.SampleEvents.jod;
import static org.coopledger.reporting.SampleEvents.opened;
import static org.coopledger.reporting.SampleEvents.received;
import static org.coopledger.reporting.SampleEvents.sent;
import static org.coopledger.reporting.SampleEvents.withdrawal;

/**
 * The replay against the projections, in the module: events stored as the event store holds
 * them, projections fed the same events by Axon's own handler adapter, then damaged one way at a
 * time. (The same class runs behind {@code ledgerctl verify} and the API; their tests cover it
 * on a running ledger.)
 */
class ReconciliationTest {

    private static final AccountId FIRST = new AccountId("acc-rec-1");
    private static final AccountId SECOND = new AccountId("acc-rec-2");
    private static final MemberId MEMBER = new MemberId("mem-rec-1");

    private static ReportingDatabase db;
    private AnnotationConfigApplicationContext reporting;
    private StoredHistory store;

    @BeforeEach
    void aProjectedHistory() {
        // One database per class; every test starts from an empty store, global indexes from 1 again.
        db.jdbc().execute("TRUNCATE domain_event_entry, savings_statement_line, savings_account_projection, journal_line RESTART IDENTITY");
        reporting = reporting(db);
        store = new StoredHistory(db.jdbc())
                .append(FIRST.value(), opened(FIRST, MEMBER, jod("0")))
                .append(SECOND.value(), opened(SECOND, MEMBER, jod("0")))
                .append(FIRST.value(), deposit(FIRST, "t1", jod("300.000"), jod("300.000"), DAY_1))
                .append(FIRST.value(), sent(FIRST, SECOND, "t2", jod("25.500"), jod("274.500"), DAY_2))
                .append(SECOND.value(), received(SECOND, FIRST, "t2", jod("25.500"), jod("25.500"), DAY_2))
                .append(FIRST.value(), withdrawal(FIRST, "t3", jod("10.000"), jod("264.500"), DAY_2))
                .append(SECOND.value(), new HoldPlaced(SECOND, "h1", jod("20.000"), jod("20.000"), "guarantee"));
        for (Object projection : reporting.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            History.deliver(projection, store.history().messages());
        }
    }

    @AfterEach
    void closeContext() {
        reporting.close();
    }

    @BeforeAll
    static void start() {
        db = ReportingDatabase.start();
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @Test
    void aSoundHistoryReconcilesClean() {
        VerificationReport report = reconciliation().run();

        assertThat(report.differences()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.eventsChecked()).isEqualTo(7);
        assertThat(report.journalEntries()).isEqualTo(4);
        assertThat(report.accountsChecked()).isEqualTo(2);
        assertThat(report.trialBalanceByCurrency()).containsEntry("JOD", "0.000");
    }

    @Test
    void aHoldTheProjectionMissedIsReportedNamingTheAccount() {
        db.jdbc().update("UPDATE savings_account_projection SET held = 0 WHERE account_id = ?", SECOND.value());

        assertThat(reconciliation().run().differences())
                .containsExactly("account " + SECOND + ": projection holds JOD 0.000, events say JOD 20.000");
    }

    @Test
    void aJournalEntryTheProjectionSkippedIsReportedEvenWhenItNetsOut() {
        // Both lines of the transfer's source leg: the totals of 2000 and 2090 move, and the entry count drops.
        db.jdbc().update("DELETE FROM journal_line WHERE global_index = 4");

        VerificationReport report = reconciliation().run();

        assertThat(report.differences()).contains("journal projection has 3 entries up to global index 7, events have 4");
        assertThat(report.differences()).anySatisfy(d -> assertThat(d).startsWith("journal projection 2090 JOD"));
    }

    @Test
    void anEventThatNoLongerReadsIsADifferenceNotACrash() {
        store.appendRaw(FIRST.value(), deposit(FIRST, "t4", jod("1.000"), jod("265.500"), DAY_2).getClass().getName(),
                "not json".getBytes(), Instant.now(), null);

        VerificationReport report = reconciliation().run();

        assertThat(report.differences()).singleElement().asString().startsWith("event 8 (").contains("cannot be read");
        assertThat(report.differencesFound()).isEqualTo(1);
    }

    @Test
    void differencesAreCountedBeyondTheOnesKept() {
        db.jdbc().update("DELETE FROM savings_account_projection");
        db.jdbc().update("DELETE FROM journal_line");

        VerificationReport report = reconciliation().run();

        assertThat(report.differencesFound()).isEqualTo(report.differences().size()).isGreaterThanOrEqualTo(4);
        assertThat(report.differences()).contains("account " + FIRST + " is missing from the savings projection",
                "account " + SECOND + " is missing from the savings projection");
    }

    @Test
    void gapsAreTheMissingIndexesNearTheHeadOnly() {
        Reconciliation.Gaps gaps = new Reconciliation.Gaps(Reconciliation.GAP_WINDOW + 100);
        for (long index : new long[]{1, 2, 5, 101, 104, 105, Reconciliation.GAP_WINDOW + 100}) {
            gaps.saw(index);
        }
        assertThat(gaps.indexes()).startsWith(100L, 102L, 103L, 106L).hasSize((int) Reconciliation.GAP_WINDOW - 3);
    }

    private Reconciliation reconciliation() {
        return new Reconciliation(db.dataSource(), reporting.getBean(SavingsQueries.class),
                reporting.getBean(JournalQueries.class), reporting.getBean(LoanQueries.class), Duration.ZERO);
    }

    /** The savings, journal and loan projections and queries, as the application's component scan builds them. */
    private static AnnotationConfigApplicationContext reporting(ReportingDatabase db) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.registerBean(JdbcTemplate.class, db::jdbc);
        context.registerBean(PlatformTransactionManager.class, db::transactions);
        ClassPathBeanDefinitionScanner scanner = new ClassPathBeanDefinitionScanner(context, false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        scanner.scan("org.coopledger.reporting.savings", "org.coopledger.reporting.journal",
                "org.coopledger.reporting.loans");
        context.refresh();
        return context;
    }
}

package org.coopledger.reporting.verify;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanRepaymentRecorded;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.journal.JournalQueries;
import org.coopledger.reporting.loans.LoanEvents;
import org.coopledger.reporting.loans.LoanQueries;
import org.coopledger.reporting.savings.SavingsQueries;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.ClassPathBeanDefinitionScanner;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.reporting.loans.LoanEvents.installment;
import static org.coopledger.reporting.loans.LoanEvents.paid;

/**
 * The loan part of the replay: loan events stored as the event store holds them, the loan
 * projection fed the same events by Axon's handler adapter, then damaged one way at a time. The
 * histories are those of the loan projection's test, whose amounts are worked out by hand there.
 */
class LoanReconciliationTest {

    private static final CurrencyUnit USD = CurrencyUnit.USD;
    private static final MemberId AMINA = new MemberId("member-amina");
    private static final MemberId GUARANTOR = new MemberId("member-guarantor");
    private static final LoanId BUSINESS = new LoanId("loan-rec-1");
    private static final LoanId EMERGENCY = new LoanId("loan-rec-2");
    private static final LoanId REJECTED = new LoanId("loan-rec-3");

    private static ReportingDatabase db;
    private AnnotationConfigApplicationContext reporting;

    @BeforeAll
    static void start() {
        db = ReportingDatabase.start();
    }

    @AfterAll
    static void stop() throws IOException {
        db.close();
    }

    @AfterEach
    void closeContext() {
        if (reporting != null) {
            reporting.close();
        }
    }

    @Test
    void aCleanLoanHistoryReconcilesClean() {
        projected(history());

        VerificationReport report = reconciliation().run();

        assertThat(report.differences()).isEmpty();
        assertThat(report.loansChecked()).isEqualTo(3);
        assertThat(report.trialBalanceByCurrency()).containsEntry("USD", "0.00");
    }

    @Test
    void anOutstandingPrincipalChangedInTheProjectionIsReportedNamingTheLoan() {
        projected(history());
        db.jdbc().update("UPDATE loan_projection SET outstanding_principal = 1 WHERE loan_id = ?", EMERGENCY.value());

        assertThat(reconciliation().run().differences()).containsExactly("loan " + EMERGENCY
                + ": projection outstanding USD penalty 0.00, fee 0.00, interest 0.00, principal 1.00, events say "
                + "USD penalty 0.00, fee 0.00, interest 0.00, principal 0.00");
    }

    @Test
    void aRepaymentWhoseAllocationRowIsMissingIsReportedEvenThoughTheOutstandingIsRight() {
        projected(history());
        // The second installment's part of the 600.00 repayment of 12 March.
        int deleted = db.jdbc().update("DELETE FROM loan_allocation WHERE loan_id = ? AND booking_date = ? "
                + "AND installment_no = 2", BUSINESS.value(), LocalDate.parse("2026-03-12"));
        assertThat(deleted).isOne();

        assertThat(reconciliation().run().differences()).containsExactly("loan " + BUSINESS
                + ": projection allocations add up to USD penalty 2.28, fee 4.00, interest 24.00, principal 455.72, "
                + "events allocated USD penalty 2.28, fee 6.00, interest 36.00, principal 855.72");
    }

    @Test
    void aMovementTheProjectionSkippedIsReportedNamingTheLoan() {
        projected(history());
        db.jdbc().update("DELETE FROM loan_movement WHERE loan_id = ? AND kind = 'RECOVERY'", BUSINESS.value());

        assertThat(reconciliation().run().differences())
                .containsExactly("loan " + BUSINESS + ": projection has 5 movements, events have 6");
    }

    @Test
    void aRepaymentWhoseStatedOutstandingDoesNotFollowFromItsAllocationsIsReported() {
        LoanEvents events = new LoanEvents(new History())
                .submitted(EMERGENCY, AMINA, "EMERGENCY", usd("100.00"), 2, "teller-amal", date("2026-02-01"))
                .approved(EMERGENCY, "manager-omar", date("2026-02-01"))
                .disbursed(EMERGENCY, AMINA, "disb-2", date("2026-02-02"), usd("0.00"),
                        installment(1, date("2026-03-02"), usd("50.00"), usd("1.00"), usd("0.00")),
                        installment(2, date("2026-04-02"), usd("50.00"), usd("1.00"), usd("0.00")))
                // Pays 51.00 of installment 1 but says 60.00 of principal is left, not 50.00.
                .repaid(EMERGENCY, "rep-3", date("2026-03-02"), usd("51.00"), usd("0.00"), usd("0.00"),
                        usd("0.00", "0.00", "1.00", "60.00"), paid(1, usd("0.00", "0.00", "1.00", "50.00")));
        projected(events.history());

        VerificationReport report = reconciliation().run();

        assertThat(report.differences()).containsExactly("event 4: loan " + EMERGENCY + " outstandingAfter "
                + "USD penalty 0.00, fee 0.00, interest 1.00, principal 60.00 but its events add up to "
                + "USD penalty 0.00, fee 0.00, interest 1.00, principal 50.00");
        assertThat(events.history().messages().get(3).getPayload()).isInstanceOf(LoanRepaymentRecorded.class);
    }

    /** Stores every event of {@code history} and feeds it to fresh savings, journal and loan projections. */
    private void projected(History history) {
        db.jdbc().execute("TRUNCATE domain_event_entry, savings_statement_line, savings_account_projection, "
                + "journal_line, loan_penalty_charge, loan_allocation, loan_movement, loan_installment, "
                + "loan_projection RESTART IDENTITY");
        reporting = reporting(db);
        StoredHistory store = new StoredHistory(db.jdbc());
        for (EventMessage<?> message : history.messages()) {
            store.append(((DomainEventMessage<?>) message).getAggregateIdentifier(), message.getPayload());
        }
        for (Object projection : reporting.getBeansWithAnnotation(ProcessingGroup.class).values()) {
            History.deliver(projection, store.history().messages());
        }
    }

    /**
     * Both loans of the loan projection's test, end to end (see there for the arithmetic), and a
     * rejected application: the business loan partly repaid with an advance, penalised, written
     * off and partly recovered; the emergency loan repaid and settled by a called guarantee.
     */
    private static History history() {
        return new LoanEvents(new History())
                .submitted(BUSINESS, AMINA, "BUSINESS", usd("1200.00"), 3, "teller-amal", date("2026-01-05"))
                .approved(BUSINESS, "manager-omar", date("2026-01-06"))
                .disbursed(BUSINESS, AMINA, "disb-1", date("2026-01-10"), usd("10.00"),
                        installment(1, date("2026-02-10"), usd("400.00"), usd("12.00"), usd("2.00")),
                        installment(2, date("2026-03-10"), usd("400.00"), usd("12.00"), usd("2.00")),
                        installment(3, date("2026-04-10"), usd("400.00"), usd("12.00"), usd("2.00")))
                .repaid(BUSINESS, "rep-1", date("2026-02-10"), usd("300.00"), usd("0.00"), usd("0.00"),
                        usd("0.00", "4.00", "24.00", "914.00"),
                        paid(1, usd("0.00", "2.00", "12.00", "286.00")))
                .penalties(BUSINESS, date("2026-02-20"), usd("2.28", "4.00", "24.00", "914.00"),
                        new PenaltyCharge(1, 1, 1, usd("2.28")))
                .repaid(BUSINESS, "rep-2", date("2026-03-12"), usd("600.00"), usd("69.72"), usd("69.72"),
                        usd("0.00", "2.00", "12.00", "400.00"),
                        paid(1, usd("2.28", "0.00", "0.00", "114.00")),
                        paid(2, usd("0.00", "2.00", "12.00", "400.00")))
                .advanceApplied(BUSINESS, "loan-1@2026-04-10", date("2026-04-10"), usd("0.00"),
                        usd("0.00", "0.00", "0.00", "344.28"),
                        paid(3, usd("0.00", "2.00", "12.00", "55.72")))
                .penalties(BUSINESS, date("2026-05-15"), usd("6.89", "0.00", "0.00", "344.28"),
                        new PenaltyCharge(3, 1, 1, usd("6.89")))
                .writtenOff(BUSINESS, "wo-1", date("2026-06-30"), usd("6.89", "0.00", "0.00", "344.28"))
                .recovered(BUSINESS, "rec-1", date("2026-07-15"), usd("100.00"), usd("100.00"))
                .submitted(EMERGENCY, AMINA, "EMERGENCY", usd("100.00"), 2, "teller-amal", date("2026-02-01"))
                .approved(EMERGENCY, "manager-omar", date("2026-02-01"))
                .disbursed(EMERGENCY, AMINA, "disb-2", date("2026-02-02"), usd("0.00"),
                        installment(1, date("2026-03-02"), usd("50.00"), usd("1.00"), usd("0.00")),
                        installment(2, date("2026-04-02"), usd("50.00"), usd("1.00"), usd("0.00")))
                .repaid(EMERGENCY, "rep-3", date("2026-03-02"), usd("51.00"), usd("0.00"), usd("0.00"),
                        usd("0.00", "0.00", "1.00", "50.00"), paid(1, usd("0.00", "0.00", "1.00", "50.00")))
                .guaranteeCalled(EMERGENCY, "call-1", date("2026-04-20"), GUARANTOR,
                        usd("0.00", "0.00", "0.00", "0.00"), paid(2, usd("0.00", "0.00", "1.00", "50.00")))
                .closed(EMERGENCY, date("2026-04-20"))
                .submitted(REJECTED, AMINA, "BUSINESS", usd("5000.00"), 12, "teller-amal", date("2026-02-01"))
                .rejected(REJECTED, "manager-omar", date("2026-02-03"))
                .history();
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

    private static Money usd(String amount) {
        return LoanEvents.money(USD, amount);
    }

    private static LoanComponents usd(String penalty, String fee, String interest, String principal) {
        return LoanEvents.parts(USD, penalty, fee, interest, principal);
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }
}

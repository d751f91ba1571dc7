package org.coopledger.reporting.loans;

import org.axonframework.eventhandling.TrackedEventMessage;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ProjectionWriteException;
import org.coopledger.reporting.ReportingDatabase;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.coopledger.reporting.loans.LoanEvents.installment;
import static org.coopledger.reporting.loans.LoanEvents.paid;

/**
 * The loan projection fed a realistic history through Axon's handler adapter. Every expected
 * amount below is worked out by hand in the comments, never by the code under test.
 */
class LoanProjectionTest {

    private static final CurrencyUnit USD = CurrencyUnit.USD;
    private static final MemberId AMINA = new MemberId("member-amina");
    private static final MemberId OTHER = new MemberId("member-other");
    private static final MemberId GUARANTOR = new MemberId("member-guarantor");
    private static final LoanId BUSINESS = new LoanId("loan-1");
    private static final LoanId EMERGENCY = new LoanId("loan-2");
    private static final LoanId REJECTED = new LoanId("loan-3");
    private static final LoanId WITHDRAWN = new LoanId("loan-4");

    /** Every table of the projection, with an order that makes a dump comparable. */
    private static final Map<String, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put("loan_projection", "loan_id");
        TABLES.put("loan_installment", "loan_id, installment_no");
        TABLES.put("loan_movement", "loan_id, sequence_number");
        TABLES.put("loan_allocation", "event_id, installment_no");
        TABLES.put("loan_penalty_charge", "event_id, installment_no");
    }

    private static ReportingDatabase db;
    private static LoanProjection projection;
    private static JdbcLoanQueries queries;

    @BeforeAll
    static void startDatabase() {
        db = ReportingDatabase.start();
        projection = new LoanProjection(db.jdbc(), db.transactions());
        queries = new JdbcLoanQueries(db.jdbc());
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyProjection() {
        projection.reset();
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

    /**
     * The business loan: 1,200.00 in three monthly installments of 400.00 principal, 12.00 interest
     * and 2.00 fee (414.00 each), 10.00 fees deducted at disbursement. Events in order:
     * <ol start="0">
     * <li>submitted 5 Jan, approved 6 Jan, disbursed 10 Jan; installments due 10 Feb, 10 Mar, 10 Apr</li>
     * <li>3: 300.00 on 10 Feb pays installment 1's fee 2, interest 12 and 286 of its principal
     *     (114 left); still owed: fee 4, interest 24, principal 1,200 − 286 = 914</li>
     * <li>4: penalty of 2.28 on installment 1 as of 20 Feb (2 % of 114)</li>
     * <li>5: 600.00 on 12 Mar spans installments: #1 penalty 2.28 and principal 114 (116.28), #2
     *     fee 2, interest 12, principal 400 (414); 530.28 allocated, 69.72 held as advance; still
     *     owed: fee 2, interest 12, principal 400 (installment 3)</li>
     * <li>6: on 10 Apr the advance pays installment 3's fee 2, interest 12 and 55.72 principal;
     *     principal left 344.28</li>
     * <li>7: penalty of 6.89 on installment 3 as of 15 May (2 % of 344.28 = 6.8856, rounded)</li>
     * <li>8: written off 30 Jun: principal 344.28 and penalty 6.89</li>
     * <li>9: 100.00 recovered on 15 Jul</li>
     * </ol>
     */
    private static LoanEvents businessLoan(LoanEvents events) {
        return events
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
                        paid(2, usd("0.00", "2.00", "12.00", "400.00")));
    }

    private static LoanEvents businessLoanToTheEnd(LoanEvents events) {
        return businessLoan(events)
                .advanceApplied(BUSINESS, "loan-1@2026-04-10", date("2026-04-10"), usd("0.00"),
                        usd("0.00", "0.00", "0.00", "344.28"),
                        paid(3, usd("0.00", "2.00", "12.00", "55.72")))
                .penalties(BUSINESS, date("2026-05-15"), usd("6.89", "0.00", "0.00", "344.28"),
                        new PenaltyCharge(3, 1, 1, usd("6.89")))
                .writtenOff(BUSINESS, "wo-1", date("2026-06-30"), usd("6.89", "0.00", "0.00", "344.28"))
                .recovered(BUSINESS, "rec-1", date("2026-07-15"), usd("100.00"), usd("100.00"));
    }

    /**
     * The emergency loan: 100.00 in two installments of 50.00 principal and 1.00 interest; the first
     * repaid on time, the second by a called guarantee, which settles the loan.
     */
    private static LoanEvents emergencyLoan(LoanEvents events) {
        return events
                .submitted(EMERGENCY, AMINA, "EMERGENCY", usd("100.00"), 2, "teller-amal", date("2026-02-01"))
                .approved(EMERGENCY, "manager-omar", date("2026-02-01"))
                .disbursed(EMERGENCY, AMINA, "disb-2", date("2026-02-02"), usd("0.00"),
                        installment(1, date("2026-03-02"), usd("50.00"), usd("1.00"), usd("0.00")),
                        installment(2, date("2026-04-02"), usd("50.00"), usd("1.00"), usd("0.00")))
                .repaid(EMERGENCY, "rep-3", date("2026-03-02"), usd("51.00"), usd("0.00"), usd("0.00"),
                        usd("0.00", "0.00", "1.00", "50.00"), paid(1, usd("0.00", "0.00", "1.00", "50.00")))
                .guaranteeCalled(EMERGENCY, "call-1", date("2026-04-20"), GUARANTOR, usd("0.00", "0.00", "0.00", "0.00"),
                        paid(2, usd("0.00", "0.00", "1.00", "50.00")))
                .closed(EMERGENCY, date("2026-04-20"));
    }

    private static History fullHistory() {
        LoanEvents events = businessLoanToTheEnd(new LoanEvents(new History()));
        emergencyLoan(events)
                .submitted(REJECTED, AMINA, "BUSINESS", usd("5000.00"), 12, "teller-amal", date("2026-02-01"))
                .rejected(REJECTED, "manager-omar", date("2026-02-03"))
                .submitted(WITHDRAWN, OTHER, "BUSINESS", usd("800.00"), 6, "teller-amal", date("2026-01-20"))
                .approved(WITHDRAWN, "manager-omar", date("2026-01-21"))
                .withdrawn(WITHDRAWN, date("2026-01-25"));
        return events.history();
    }

    @Test
    void aPartialRepaymentSpanningInstallmentsLeavesAnAdvanceAndTheOldestUnpaidDueDateMoves() {
        businessLoan(new LoanEvents(new History())).history().deliverTo(projection);

        LoanView view = queries.loan(BUSINESS).orElseThrow();

        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.outstanding()).isEqualTo(usd("0.00", "2.00", "12.00", "400.00"));
        assertThat(view.advance()).isEqualTo(usd("69.72"));
        assertThat(view.oldestUnpaidDueDate()).isEqualTo(date("2026-04-10"));
        assertThat(view.daysPastDue(date("2026-04-10"))).isZero();
        assertThat(view.daysPastDue(date("2026-04-11"))).as("the advance counts only once applied").isEqualTo(1);
        assertThat(queries.schedule(BUSINESS)).extracting(InstallmentView::outstanding).containsExactly(
                usd("0.00", "0.00", "0.00", "0.00"),
                usd("0.00", "0.00", "0.00", "0.00"),
                usd("0.00", "2.00", "12.00", "400.00"));
    }

    @Test
    void beforeTheSecondRepaymentTheFirstInstallmentIsLateAndCarriesItsPenalty() {
        List<TrackedEventMessage<?>> messages = businessLoan(new LoanEvents(new History())).history().messages();
        History.deliver(projection, messages.subList(0, 5));

        LoanView view = queries.loan(BUSINESS).orElseThrow();
        InstallmentView first = queries.schedule(BUSINESS).get(0);

        assertThat(view.outstanding()).isEqualTo(usd("2.28", "4.00", "24.00", "914.00"));
        assertThat(view.oldestUnpaidDueDate()).isEqualTo(date("2026-02-10"));
        assertThat(view.daysPastDue(date("2026-03-01"))).isEqualTo(19);
        assertThat(first.due()).isEqualTo(usd("2.28", "2.00", "12.00", "400.00"));
        assertThat(first.paid()).isEqualTo(usd("0.00", "2.00", "12.00", "286.00"));
        assertThat(first.outstanding()).isEqualTo(usd("2.28", "0.00", "0.00", "114.00"));
    }

    @Test
    void aWrittenOffLoanOwesNothingOnTheBooksAndKeepsItsWriteOffAndRecoveries() {
        fullHistory().deliverTo(projection);

        LoanView view = queries.loan(BUSINESS).orElseThrow();

        assertThat(view.loanId()).isEqualTo(BUSINESS);
        assertThat(view.memberId()).isEqualTo(AMINA);
        assertThat(view.productCode()).isEqualTo("BUSINESS");
        assertThat(view.status()).isEqualTo("WRITTEN_OFF");
        assertThat(view.principal()).isEqualTo(usd("1200.00"));
        assertThat(view.installments()).isEqualTo(3);
        assertThat(view.submittedBy()).isEqualTo("teller-amal");
        assertThat(view.submittedOn()).isEqualTo(date("2026-01-05"));
        assertThat(view.approvedBy()).isEqualTo("manager-omar");
        assertThat(view.approvedOn()).isEqualTo(date("2026-01-06"));
        assertThat(view.disbursedOn()).isEqualTo(date("2026-01-10"));
        assertThat(view.closedOn()).isNull();
        assertThat(view.outstanding()).isEqualTo(usd("0.00", "0.00", "0.00", "0.00"));
        assertThat(view.advance()).isEqualTo(usd("0.00"));
        assertThat(view.writtenOffPrincipal()).isEqualTo(usd("344.28"));
        assertThat(view.recovered()).isEqualTo(usd("100.00"));
        assertThat(view.oldestUnpaidDueDate()).isEqualTo(date("2026-04-10"));
        assertThat(view.daysPastDue(date("2026-07-01"))).as("not ACTIVE").isZero();
    }

    @Test
    void theScheduleShowsWhatEachInstallmentAskedForIncludingPenaltiesAndWhatWasPaidOfEachComponent() {
        fullHistory().deliverTo(projection);

        List<InstallmentView> schedule = queries.schedule(BUSINESS);

        assertThat(schedule).extracting(InstallmentView::number).containsExactly(1, 2, 3);
        assertThat(schedule).extracting(InstallmentView::dueDate)
                .containsExactly(date("2026-02-10"), date("2026-03-10"), date("2026-04-10"));
        assertThat(schedule).extracting(InstallmentView::due).containsExactly(
                usd("2.28", "2.00", "12.00", "400.00"),
                usd("0.00", "2.00", "12.00", "400.00"),
                usd("6.89", "2.00", "12.00", "400.00"));
        assertThat(schedule).extracting(InstallmentView::paid).containsExactly(
                usd("2.28", "2.00", "12.00", "400.00"),
                usd("0.00", "2.00", "12.00", "400.00"),
                usd("0.00", "2.00", "12.00", "55.72"));
        assertThat(schedule.get(2).outstanding()).isEqualTo(usd("6.89", "0.00", "0.00", "344.28"));
    }

    @Test
    void everyMoneyEventIsOneMovementWithItsSplitAndItsPositionInTheStore() {
        fullHistory().deliverTo(projection);

        List<String> rows = db.jdbc().query("""
                SELECT kind, booking_date, amount, penalty, fee, interest, principal, global_index
                FROM loan_movement WHERE loan_id = ? ORDER BY sequence_number""",
                (rs, row) -> rs.getString("kind") + " " + rs.getObject("booking_date", LocalDate.class) + " "
                        + rs.getBigDecimal("amount").toPlainString() + " = " + rs.getBigDecimal("penalty") + "/"
                        + rs.getBigDecimal("fee") + "/" + rs.getBigDecimal("interest") + "/"
                        + rs.getBigDecimal("principal") + " @" + rs.getLong("global_index"),
                BUSINESS.value());

        assertThat(rows).containsExactly(
                "DISBURSEMENT 2026-01-10 1200.0000 = 0.0000/10.0000/0.0000/1200.0000 @3",
                "REPAYMENT 2026-02-10 300.0000 = 0.0000/2.0000/12.0000/286.0000 @4",
                "REPAYMENT 2026-03-12 600.0000 = 2.2800/2.0000/12.0000/514.0000 @6",
                "ADVANCE_APPLIED 2026-04-10 69.7200 = 0.0000/2.0000/12.0000/55.7200 @7",
                "WRITE_OFF 2026-06-30 344.2800 = 6.8900/0.0000/0.0000/344.2800 @9",
                "RECOVERY 2026-07-15 100.0000 = 0.0000/0.0000/0.0000/0.0000 @10");
        assertThat(db.jdbc().queryForList("""
                SELECT charged_on || ' #' || installment_no || ' ' || amount FROM loan_penalty_charge
                WHERE loan_id = ? ORDER BY charged_on""", String.class, BUSINESS.value()))
                .containsExactly("2026-02-20 #1 2.2800", "2026-05-15 #3 6.8900");
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM loan_allocation WHERE loan_id = ?", Long.class,
                BUSINESS.value())).as("one row per installment each payment touched").isEqualTo(4L);
    }

    @Test
    void aCalledGuaranteePaysTheInstallmentsLikeARepaymentAndTheSettledLoanCloses() {
        fullHistory().deliverTo(projection);

        LoanView view = queries.loan(EMERGENCY).orElseThrow();

        assertThat(view.status()).isEqualTo("CLOSED");
        assertThat(view.closedOn()).isEqualTo(date("2026-04-20"));
        assertThat(view.outstanding()).isEqualTo(usd("0.00", "0.00", "0.00", "0.00"));
        assertThat(view.oldestUnpaidDueDate()).isNull();
        assertThat(queries.schedule(EMERGENCY)).extracting(InstallmentView::paid).containsExactly(
                usd("0.00", "0.00", "1.00", "50.00"), usd("0.00", "0.00", "1.00", "50.00"));
        assertThat(db.jdbc().queryForObject(
                "SELECT kind || ' ' || amount FROM loan_movement WHERE loan_id = ? AND sequence_number = 4",
                String.class, EMERGENCY.value())).isEqualTo("GUARANTEE_CALLED 51.0000");
    }

    @Test
    void applicationsThatWereNeverDisbursedHaveNoScheduleAndOweNothing() {
        fullHistory().deliverTo(projection);

        LoanView rejected = queries.loan(REJECTED).orElseThrow();
        LoanView withdrawn = queries.loan(WITHDRAWN).orElseThrow();

        assertThat(rejected.status()).isEqualTo("REJECTED");
        assertThat(rejected.approvedBy()).isNull();
        assertThat(rejected.disbursedOn()).isNull();
        assertThat(rejected.outstanding()).isEqualTo(usd("0.00", "0.00", "0.00", "0.00"));
        assertThat(queries.schedule(REJECTED)).isEmpty();
        assertThat(withdrawn.status()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.approvedOn()).isEqualTo(date("2026-01-21"));
        assertThat(withdrawn.memberId()).isEqualTo(OTHER);
    }

    @Test
    void loansOfListsOnlyThatMembersLoansNewestApplicationFirst() {
        fullHistory().deliverTo(projection);

        assertThat(queries.loansOf(AMINA)).extracting(LoanView::loanId)
                .containsExactly(REJECTED, EMERGENCY, BUSINESS);
        assertThat(queries.loansOf(OTHER)).extracting(LoanView::loanId).containsExactly(WITHDRAWN);
        assertThat(queries.loansOf(new MemberId("member-nobody"))).isEmpty();
    }

    @Test
    void anUnknownLoanIsEmptyAndHasNoSchedule() {
        fullHistory().deliverTo(projection);

        assertThat(queries.loan(new LoanId("loan-nobody"))).isEmpty();
        assertThat(queries.schedule(new LoanId("loan-nobody"))).isEmpty();
    }

    @Test
    void amountsComeBackWithTheScaleOfTheirCurrency() {
        CurrencyUnit jod = CurrencyUnit.of("JOD");
        LoanId loan = new LoanId("loan-jod");
        new LoanEvents(new History())
                .submitted(loan, AMINA, "BUSINESS", LoanEvents.money(jod, "500.5"), 1, "teller-amal", date("2026-01-05"))
                .approved(loan, "manager-omar", date("2026-01-06"))
                .disbursed(loan, AMINA, "disb-j", date("2026-01-10"), LoanEvents.money(jod, "0"),
                        installment(1, date("2026-02-10"), LoanEvents.money(jod, "500.5"),
                                LoanEvents.money(jod, "5.005"), LoanEvents.money(jod, "0")))
                .history().deliverTo(projection);

        LoanView view = queries.loan(loan).orElseThrow();

        assertThat(view.principal().getAmount().toPlainString()).isEqualTo("500.500");
        assertThat(view.outstanding().interest().getAmount().toPlainString()).isEqualTo("5.005");
        assertThat(queries.schedule(loan).get(0).due().principal().getCurrencyUnit()).isEqualTo(jod);
    }

    @Test
    void replayingTheSameEventsTwiceChangesNothing() {
        History history = fullHistory();
        history.deliverTo(projection);
        Map<String, List<Map<String, Object>>> before = dump();

        history.deliverTo(projection);

        assertThat(dump()).isEqualTo(before);
        assertThat(queries.loan(BUSINESS).orElseThrow().recovered()).isEqualTo(usd("100.00"));
    }

    @Test
    void aRedeliveredOlderRepaymentNeitherCountsTwiceNorBringsBackTheOlderState() {
        History history = businessLoan(new LoanEvents(new History())).history();
        history.deliverTo(projection);

        History.deliver(projection, history.messages().subList(3, 4));

        LoanView view = queries.loan(BUSINESS).orElseThrow();
        assertThat(view.outstanding()).isEqualTo(usd("0.00", "2.00", "12.00", "400.00"));
        assertThat(view.advance()).isEqualTo(usd("69.72"));
        assertThat(queries.schedule(BUSINESS).get(0).paid()).isEqualTo(usd("2.28", "2.00", "12.00", "400.00"));
    }

    @Test
    void resetAndReplayGiveIdenticalRows() {
        History history = fullHistory();
        history.deliverTo(projection);
        Map<String, List<Map<String, Object>>> before = dump();

        History.reset(projection);
        for (String table : TABLES.keySet()) {
            assertThat(db.count(table)).as(table).isZero();
        }
        history.deliverTo(projection);

        assertThat(dump()).isEqualTo(before);
        assertThat(before.get("loan_projection")).hasSize(4);
        assertThat(before.get("loan_installment")).hasSize(5);
    }

    /**
     * As in the processor's batch transaction: an event the database refuses (a payment above what
     * the installment owes) is undone whole, movement and allocations included, so it can be
     * dead-lettered, and the events after it in the batch still apply.
     */
    @Test
    void anEventTheDatabaseRefusesIsUndoneWholeAndTheRestOfTheBatchApplies() {
        History history = new History();
        LoanEvents events = businessLoan(new LoanEvents(history));
        events.repaid(BUSINESS, "rep-bad", date("2026-04-10"), usd("500.00"), usd("0.00"), usd("0.00"),
                        usd("0.00", "0.00", "0.00", "0.00"), paid(3, usd("0.00", "0.00", "0.00", "500.00")))
                .advanceApplied(BUSINESS, "loan-1@2026-04-10", date("2026-04-10"), usd("0.00"),
                        usd("0.00", "0.00", "0.00", "344.28"), paid(3, usd("0.00", "2.00", "12.00", "55.72")));
        List<TrackedEventMessage<?>> messages = history.messages();
        History.deliver(projection, messages.subList(0, 6));

        new TransactionTemplate(db.transactions()).executeWithoutResult(transaction -> {
            assertThatThrownBy(() -> History.deliver(projection, messages.subList(6, 7)))
                    .hasRootCauseInstanceOf(ProjectionWriteException.class)
                    .hasStackTraceContaining("loan_installment_paid_ck");
            History.deliver(projection, messages.subList(7, 8));
        });

        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM loan_movement WHERE transaction_id = 'rep-bad'",
                Long.class)).isZero();
        assertThat(db.count("loan_allocation")).as("3 before, 1 from the applied advance").isEqualTo(4L);
        assertThat(queries.schedule(BUSINESS).get(2).paid()).isEqualTo(usd("0.00", "2.00", "12.00", "55.72"));
        assertThat(queries.loan(BUSINESS).orElseThrow().outstanding()).isEqualTo(usd("0.00", "0.00", "0.00", "344.28"));
    }

    private static Map<String, List<Map<String, Object>>> dump() {
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>();
        TABLES.forEach((table, order) ->
                rows.put(table, db.jdbc().queryForList("SELECT * FROM " + table + " ORDER BY " + order)));
        return rows;
    }
}

package org.coopledger.core.axon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.journal.JournalLine;
import org.coopledger.core.loans.api.Amortization;
import org.coopledger.core.loans.api.DisbursementChannel;
import org.coopledger.core.loans.api.FeeCharging;
import org.coopledger.core.loans.api.Guarantee;
import org.coopledger.core.loans.api.Installment;
import org.coopledger.core.loans.api.InstallmentAllocation;
import org.coopledger.core.loans.api.InterestMethod;
import org.coopledger.core.loans.api.LoanAdvanceApplied;
import org.coopledger.core.loans.api.LoanApplicationSubmitted;
import org.coopledger.core.loans.api.LoanApplicationWithdrawn;
import org.coopledger.core.loans.api.LoanApproved;
import org.coopledger.core.loans.api.LoanClosed;
import org.coopledger.core.loans.api.LoanComponents;
import org.coopledger.core.loans.api.LoanDisbursed;
import org.coopledger.core.loans.api.LoanFee;
import org.coopledger.core.loans.api.LoanId;
import org.coopledger.core.loans.api.LoanPenaltiesCharged;
import org.coopledger.core.loans.api.LoanProductDefined;
import org.coopledger.core.loans.api.LoanRecoveryRecorded;
import org.coopledger.core.loans.api.LoanRejected;
import org.coopledger.core.loans.api.LoanRepaymentRecorded;
import org.coopledger.core.loans.api.LoanTerms;
import org.coopledger.core.loans.api.LoanWrittenOff;
import org.coopledger.core.loans.api.OverpaymentPolicy;
import org.coopledger.core.loans.api.PenaltyCharge;
import org.coopledger.core.loans.api.RepaymentFrequency;
import org.coopledger.core.loans.api.Schedule;
import org.coopledger.core.members.api.IdentityDocument;
import org.coopledger.core.members.api.MemberAccountClosed;
import org.coopledger.core.members.api.MemberAccountOpened;
import org.coopledger.core.members.api.MemberContactUpdated;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.MemberPersonalDataErased;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.coopledger.core.members.api.Segment;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.SharesRedeemed;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.DepositRecorded;
import org.coopledger.core.savings.api.HoldPlaced;
import org.coopledger.core.savings.api.HoldReduced;
import org.coopledger.core.savings.api.HoldReleased;
import org.coopledger.core.savings.api.LoanProceedsCredited;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.SavingsProductDefined;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.savings.api.WithdrawalRecorded;
import org.coopledger.core.savings.api.GuaranteeCallDebited;
import org.coopledger.core.loans.api.LoanGuaranteeCalled;
import org.joda.money.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.FEE_INCOME;
import static org.coopledger.core.journal.GlAccount.LOANS_PRINCIPAL;
import static org.coopledger.core.journal.GlAccount.LOAN_ADVANCES;
import static org.coopledger.core.journal.GlAccount.LOAN_INTEREST_INCOME;
import static org.coopledger.core.journal.GlAccount.LOAN_LOSS_EXPENSE;
import static org.coopledger.core.journal.GlAccount.LOAN_RECOVERY_INCOME;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.PENALTY_INCOME;
import static org.coopledger.core.journal.GlAccount.SHARE_CAPITAL;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;
import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.sealed;
import static org.coopledger.core.testsupport.Samples.sealedPersonal;
import static org.coopledger.core.testsupport.BrokenInvariants.brokenInvariant;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Stored events must read back exactly, or history becomes unreadable after a deploy. */
class StoredEventFormatTest {

    private static final ObjectMapper MAPPER = LedgerObjectMapper.create();
    private static final MemberId MEMBER = new MemberId("member-1");
    private static final AccountId A = new AccountId("account-a");
    private static final AccountId B = new AccountId("account-b");
    private static final TransactionId T = new TransactionId("t-1");
    private static final List<String> AGGREGATES = List.of("org.coopledger.core.members.Member",
            "org.coopledger.core.savings.SavingsAccount", "org.coopledger.core.savings.SavingsProduct",
            "org.coopledger.core.loans.LoanProduct", "org.coopledger.core.loans.LoanAccount");
    private static final LoanId LOAN = new LoanId("loan-1");
    private static final LoanTerms TERMS = new LoanTerms(JOD, jod("100.000"), jod("5000.000"), new BigDecimal("0.12"),
            RepaymentFrequency.MONTHLY, 3, 24, Amortization.EQUAL_INSTALLMENTS, InterestMethod.DECLINING_BALANCE, 1,
            List.of(new LoanFee("processing", null, new BigDecimal("0.015"), FeeCharging.AT_DISBURSEMENT),
                    new LoanFee("service", jod("0.500"), null, FeeCharging.PER_INSTALLMENT)),
            new BigDecimal("0.02"), 5, LoanTerms.DEFAULT_ALLOCATION_ORDER, OverpaymentPolicy.HOLD_AS_ADVANCE,
            new BigDecimal("0.5"), new BigDecimal("0.10"));
    private static final LoanComponents SPLIT = new LoanComponents(jod("1.000"), jod("0.500"), jod("10.000"),
            jod("0.845"));

    static Stream<Object> everyEvent() {
        Money amount = jod("12.345");
        PersonalData withoutDocument = new PersonalData("Name", null, null, null, null, null, IdentityDocument.none());
        return Stream.of(
                new MemberRegistered(MEMBER, "M-000001", sealedPersonal(MEMBER), Segment.REFUGEE, "AMMAN-1", TODAY),
                new MemberRegistered(MEMBER, "M-000002", sealedPersonal(MEMBER, withoutDocument),
                        Segment.HOST_COMMUNITY, "AMMAN-1", TODAY),
                new MemberContactUpdated(MEMBER, sealed(MEMBER, Field.PHONE, "+962790000002"), null),
                new MemberExited(MEMBER, TODAY, "returned home"),
                new MemberPersonalDataErased(MEMBER, TODAY, "member asked"),
                new MemberAccountOpened(MEMBER, A),
                new MemberAccountClosed(MEMBER, A),
                new SharesPurchased(MEMBER, T, 3, jod("4.115"), amount, 3, TODAY, "till-1",
                        JournalEntry.transfer(CASH_ON_HAND, SHARE_CAPITAL, amount)),
                new SharesRedeemed(MEMBER, T, 3, jod("4.115"), amount, 0, TODAY, null,
                        JournalEntry.transfer(SHARE_CAPITAL, CASH_ON_HAND, amount)),
                new SavingsProductDefined("COMPULSORY", "Compulsory savings", jod("10.000")),
                new SavingsAccountOpened(A, MEMBER, "COMPULSORY", Money.zero(JOD), TODAY),
                new DepositRecorded(A, T, amount, jod("112.345"), TODAY, TODAY.minusDays(1), "till-1", "salary",
                        JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount)),
                new WithdrawalRecorded(A, T, amount, jod("0.000"), TODAY, TODAY, null, null,
                        JournalEntry.transfer(MEMBER_SAVINGS, CASH_ON_HAND, amount)),
                new TransferSent(A, T, B, amount, jod("1.000"), TODAY, "rent",
                        JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, amount)),
                new TransferReceived(B, T, A, amount, amount, TODAY, "rent",
                        JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS, amount)),
                new HoldPlaced(A, "h-1", amount, amount, "loan guarantee"),
                new HoldReleased(A, "h-1", amount, jod("0.000")),
                new SavingsAccountClosed(A, MEMBER, TODAY),
                new LoanProceedsCredited(A, T, "loan-1", amount, amount, TODAY,
                        JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS, amount)),
                new HoldReduced(A, "loan:loan-1", amount, jod("1.000"), jod("1.000")),
                new LoanProductDefined("SME-12", "Small business", TERMS),
                new LoanApplicationSubmitted(LOAN, MEMBER, "SME-12", TERMS, jod("1000.000"), 3,
                        List.of(new Guarantee(new MemberId("member-2"), B, jod("500.000"))), "maker", TODAY),
                new LoanApproved(LOAN, "checker", TODAY, A, jod("100.000")),
                new LoanApproved(LOAN, "checker", TODAY, null, null),
                new LoanRejected(LOAN, "checker", TODAY, "income too low"),
                new LoanApplicationWithdrawn(LOAN, TODAY, null),
                new LoanDisbursed(LOAN, T, MEMBER, jod("1000.000"), jod("15.000"), jod("985.000"),
                        DisbursementChannel.SAVINGS, A, null, TODAY,
                        new Schedule(List.of(new Installment(1, TODAY.plusMonths(1), jod("1000.000"), jod("10.000"),
                                jod("0.500"))), jod("15.000")),
                        JournalEntry.of(JournalLine.debit(LOANS_PRINCIPAL, jod("1000.000")),
                                JournalLine.credit(TRANSFERS_IN_TRANSIT, jod("1000.000")),
                                JournalLine.debit(TRANSFERS_IN_TRANSIT, jod("15.000")),
                                JournalLine.credit(FEE_INCOME, jod("15.000")))),
                new LoanRepaymentRecorded(LOAN, T, jod("12.345"), TODAY, "till-1",
                        List.of(new InstallmentAllocation(1, SPLIT)), SPLIT, jod("0.000"), jod("0.000"), SPLIT,
                        JournalEntry.of(JournalLine.debit(CASH_ON_HAND, jod("12.345")),
                                JournalLine.credit(LOAN_INTEREST_INCOME, jod("11.500")),
                                JournalLine.credit(LOANS_PRINCIPAL, jod("0.845")))),
                new LoanAdvanceApplied(LOAN, new TransactionId("loan-1@2026-11-30"), TODAY,
                        List.of(new InstallmentAllocation(1, SPLIT)), SPLIT, jod("1.000"), SPLIT,
                        JournalEntry.of(JournalLine.debit(LOAN_ADVANCES, jod("12.345")),
                                JournalLine.credit(LOAN_INTEREST_INCOME, jod("11.500")),
                                JournalLine.credit(LOANS_PRINCIPAL, jod("0.845")))),
                new LoanPenaltiesCharged(LOAN, TODAY, List.of(new PenaltyCharge(1, 2, 3, jod("1.000"))), jod("1.000"),
                        SPLIT),
                new LoanClosed(LOAN, TODAY),
                new LoanWrittenOff(LOAN, T, TODAY, "manager", null, SPLIT,
                        JournalEntry.transfer(LOAN_LOSS_EXPENSE, LOANS_PRINCIPAL, jod("0.845"))),
                new LoanRecoveryRecorded(LOAN, T, amount, amount, TODAY, null,
                        JournalEntry.transfer(CASH_ON_HAND, LOAN_RECOVERY_INCOME, amount)),
                new GuaranteeCallDebited(B, T, "loan-1", amount, jod("487.655"), TODAY,
                        JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, amount)),
                new LoanGuaranteeCalled(LOAN, T, new MemberId("member-2"), B, jod("12.345"), TODAY, "manager",
                        List.of(new InstallmentAllocation(1, SPLIT)), SPLIT, SPLIT,
                        JournalEntry.of(JournalLine.debit(TRANSFERS_IN_TRANSIT, jod("12.345")),
                                JournalLine.credit(PENALTY_INCOME, jod("1.000")),
                                JournalLine.credit(FEE_INCOME, jod("0.500")),
                                JournalLine.credit(LOAN_INTEREST_INCOME, jod("10.000")),
                                JournalLine.credit(LOANS_PRINCIPAL, jod("0.845")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void eventReadsBackEqualToWhatWasWritten(Object event) throws Exception {
        byte[] stored = MAPPER.writeValueAsBytes(event);
        assertEquals(event, MAPPER.readValue(stored, event.getClass()));
    }

    @Test
    void samplesCoverEveryEventAnAggregateApplies() throws Exception {
        Set<Class<?>> sampled = everyEvent().map(Object::getClass).collect(Collectors.toSet());
        for (String aggregate : AGGREGATES) {
            Set<Class<?>> applied = Arrays.stream(Class.forName(aggregate).getDeclaredMethods())
                    .filter(m -> m.isAnnotationPresent(EventSourcingHandler.class))
                    .map(m -> m.getParameterTypes()[0])
                    .collect(Collectors.toSet());
            applied.removeAll(sampled);
            assertEquals(Set.of(), applied, aggregate + " applies events without a sample here");
        }
    }

    @Test
    void amountsAreDecimalStringsWithTheCurrencyScaleAndAccountsAreTheirCodes() throws Exception {
        Money amount = jod("12.5");
        JsonNode json = MAPPER.readTree(MAPPER.writeValueAsBytes(new DepositRecorded(A, T, amount, amount, TODAY,
                TODAY, null, null, JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount))));

        assertEquals("12.500", json.at("/amount/amount").textValue());
        assertEquals("JOD", json.at("/amount/currency").textValue());
        assertEquals("1000", json.at("/journal/lines/0/account").textValue());
        assertEquals("DEBIT", json.at("/journal/lines/0/side").textValue());
        assertEquals("account-a", json.at("/accountId").textValue());
        assertEquals("2026-11-30", json.at("/bookingDate").textValue());
    }

    @Test
    void tamperedUnbalancedJournalFailsToRead() throws Exception {
        Money amount = jod("1.000");
        String json = MAPPER.writeValueAsString(new DepositRecorded(A, T, amount, amount, TODAY, TODAY, null, null,
                JournalEntry.transfer(CASH_ON_HAND, MEMBER_SAVINGS, amount)));
        String tampered = json.replaceFirst("\"amount\":\"1.000\",\"currency\":\"JOD\"}}\\]",
                "\"amount\":\"2.000\",\"currency\":\"JOD\"}}]");
        assertNotEquals(json, tampered);
        Exception thrown = assertThrows(Exception.class, () -> MAPPER.readValue(tampered, DepositRecorded.class));
        assertThat(thrown, brokenInvariant());
    }
}

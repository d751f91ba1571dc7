package org.coopledger.core.savings;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.IncompatibleAggregateException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.ExitMember;
import org.coopledger.core.members.api.MemberAccountClosed;
import org.coopledger.core.members.api.MemberAccountOpened;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.savings.api.CloseSavingsAccount;
import org.coopledger.core.savings.api.DefineSavingsProduct;
import org.coopledger.core.savings.api.OpenSavingsAccount;
import org.coopledger.core.savings.api.PlaceHold;
import org.coopledger.core.savings.api.PostingResult;
import org.coopledger.core.savings.api.RecordDeposit;
import org.coopledger.core.savings.api.RecordWithdrawal;
import org.coopledger.core.savings.api.SavingsAccountClosed;
import org.coopledger.core.savings.api.SavingsAccountOpened;
import org.coopledger.core.savings.api.TransferFunds;
import org.coopledger.core.savings.api.TransferReceived;
import org.coopledger.core.savings.api.TransferResult;
import org.coopledger.core.savings.api.TransferSent;
import org.coopledger.core.testsupport.InMemoryLedger;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.coopledger.core.error.ErrorCode.ACCOUNT_BALANCE_NOT_ZERO;
import static org.coopledger.core.error.ErrorCode.ACCOUNT_HAS_HOLDS;
import static org.coopledger.core.error.ErrorCode.ACCOUNT_NOT_ACTIVE;
import static org.coopledger.core.error.ErrorCode.ACCOUNT_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.CURRENCY_MISMATCH;
import static org.coopledger.core.error.ErrorCode.INSUFFICIENT_FUNDS;
import static org.coopledger.core.error.ErrorCode.INVALID_AMOUNT;
import static org.coopledger.core.error.ErrorCode.MEMBER_NOT_ACTIVE;
import static org.coopledger.core.error.ErrorCode.MEMBER_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.PRODUCT_ALREADY_EXISTS;
import static org.coopledger.core.error.ErrorCode.PRODUCT_NOT_FOUND;
import static org.coopledger.core.error.ErrorCode.SAME_ACCOUNT_TRANSFER;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.journal.GlAccount.MEMBER_SAVINGS;
import static org.coopledger.core.journal.GlAccount.TRANSFERS_IN_TRANSIT;
import static org.coopledger.core.testsupport.Rejections.assertRejected;
import static org.coopledger.core.testsupport.Samples.JOD;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.registerMember;
import static org.coopledger.core.testsupport.Samples.usd;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Opening, closing and transfers: each changes two aggregates in one unit of work. */
class SavingsAccountHandlersTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final AccountId A = new AccountId("account-a");
    private static final AccountId B = new AccountId("account-b");
    private static final TransactionId T1 = new TransactionId("t-1");

    private final InMemoryLedger ledger = new InMemoryLedger();

    @AfterEach
    void tearDown() {
        ledger.close();
    }

    private void memberWithJodAccounts(AccountId... accounts) {
        ledger.send(registerMember(MEMBER, null));
        for (AccountId account : accounts) {
            ledger.send(new OpenSavingsAccount(account, MEMBER, null, JOD, TODAY));
        }
    }

    private void deposit(AccountId account, Money amount) {
        ledger.send(new RecordDeposit(account, TransactionId.random(), amount, TODAY, null, null, null));
    }

    private TransferFunds transfer(AccountId from, AccountId to, Money amount) {
        return new TransferFunds(T1, from, to, amount, TODAY, "rent share");
    }

    private List<Object> eventsAfter(int count) {
        List<Object> events = ledger.events();
        return events.subList(count, events.size());
    }

    @Test
    void openingUnderAProductCopiesItsMinimumBalanceAndLinksTheAccountToTheMember() {
        ledger.send(registerMember(MEMBER, null));
        ledger.send(new DefineSavingsProduct("COMPULSORY", "Compulsory savings", jod("10.000")));
        int before = ledger.events().size();

        AccountId opened = ledger.send(new OpenSavingsAccount(A, MEMBER, "COMPULSORY", null, TODAY));

        assertEquals(A, opened);
        assertEquals(List.of(new SavingsAccountOpened(A, MEMBER, "COMPULSORY", jod("10.000"), TODAY),
                new MemberAccountOpened(MEMBER, A)), eventsAfter(before));
    }

    @Test
    void openingInACurrencyGivesAnAccountWithoutMinimumBalance() {
        ledger.send(registerMember(MEMBER, null));
        int before = ledger.events().size();

        ledger.send(new OpenSavingsAccount(A, MEMBER, null, CurrencyUnit.USD, TODAY));

        assertEquals(List.of(new SavingsAccountOpened(A, MEMBER, null, Money.zero(CurrencyUnit.USD), TODAY),
                new MemberAccountOpened(MEMBER, A)), eventsAfter(before));
    }

    @Test
    void openingForAnUnknownMemberIsRefusedAsNotFoundAndRecordsNoAccount() {
        assertRejected(MEMBER_NOT_FOUND, () -> ledger.send(new OpenSavingsAccount(A, MEMBER, null, JOD, TODAY)));
        assertEquals(List.of(), ledger.events());
    }

    @Test
    void openingForAnExitedMemberIsRefusedAsNotActive() {
        ledger.send(registerMember(MEMBER, null));
        ledger.send(new ExitMember(MEMBER, TODAY, null));
        int before = ledger.events().size();

        assertRejected(MEMBER_NOT_ACTIVE, () -> ledger.send(new OpenSavingsAccount(A, MEMBER, null, JOD, TODAY)));
        assertEquals(List.of(), eventsAfter(before));
    }

    @Test
    void openingWithBothProductAndCurrencyIsRefusedAsInvalid() {
        ledger.send(registerMember(MEMBER, null));
        assertRejected(VALIDATION_FAILED,
                () -> ledger.send(new OpenSavingsAccount(A, MEMBER, "VOLUNTARY", JOD, TODAY)));
    }

    @Test
    void openingWithNeitherProductNorCurrencyIsRefusedAsInvalid() {
        ledger.send(registerMember(MEMBER, null));
        assertRejected(VALIDATION_FAILED, () -> ledger.send(new OpenSavingsAccount(A, MEMBER, null, null, TODAY)));
    }

    @Test
    void openingUnderAnUnknownProductIsRefusedAsProductNotFound() {
        ledger.send(registerMember(MEMBER, null));
        assertRejected(PRODUCT_NOT_FOUND,
                () -> ledger.send(new OpenSavingsAccount(A, MEMBER, "NO_SUCH_PRODUCT", null, TODAY)));
    }

    @Test
    void productCodeThatIsTheIdOfAnotherAggregateIsNotAProduct() {
        MemberId upperCaseId = new MemberId("MEMBER-9");
        ledger.send(registerMember(upperCaseId, null));
        assertRejected(PRODUCT_NOT_FOUND,
                () -> ledger.send(new OpenSavingsAccount(A, upperCaseId, "MEMBER-9", null, TODAY)));
    }

    @Test
    void productCodeAlreadyUsedAsAnotherAggregatesIdIsRefusedAsAlreadyExisting() {
        ledger.send(registerMember(new MemberId("SHARED-ID"), null));
        assertRejected(PRODUCT_ALREADY_EXISTS,
                () -> ledger.send(new DefineSavingsProduct("SHARED-ID", "Voluntary", Money.zero(JOD))));
    }

    @Test
    void eventsAreStoredUnderThePinnedAggregateTypes() {
        ledger.send(new DefineSavingsProduct("VOLUNTARY", "Voluntary", Money.zero(JOD)));
        memberWithJodAccounts(A);

        Set<String> types = ledger.eventMessages().stream()
                .map(m -> ((DomainEventMessage<?>) m).getType()).collect(Collectors.toSet());

        assertEquals(Set.of("SavingsProduct", "Member", "SavingsAccount"), types);
    }

    @Test
    void closingAnEmptyAccountClosesItAndUnlinksItSoTheMemberCanExit() {
        memberWithJodAccounts(A);
        int before = ledger.events().size();

        ledger.send(new CloseSavingsAccount(A, TODAY));

        assertEquals(List.of(new SavingsAccountClosed(A, MEMBER, TODAY), new MemberAccountClosed(MEMBER, A)),
                eventsAfter(before));
        ledger.send(new ExitMember(MEMBER, TODAY, null));
    }

    @Test
    void closingAnAccountWithABalanceIsRefused() {
        memberWithJodAccounts(A);
        deposit(A, jod("0.001"));
        assertRejected(ACCOUNT_BALANCE_NOT_ZERO, () -> ledger.send(new CloseSavingsAccount(A, TODAY)));
    }

    @Test
    void closingAnAccountWithAHoldIsRefusedEvenThoughItsBalanceIsNotZeroEither() {
        memberWithJodAccounts(A);
        deposit(A, jod("5.000"));
        ledger.send(new PlaceHold(A, "h-1", jod("5.000"), null));
        assertRejected(ACCOUNT_HAS_HOLDS, () -> ledger.send(new CloseSavingsAccount(A, TODAY)));
    }

    @Test
    void closingAnUnknownAccountIsRefusedAsNotFound() {
        assertRejected(ACCOUNT_NOT_FOUND, () -> ledger.send(new CloseSavingsAccount(A, TODAY)));
    }

    @Test
    void closingAnAccountTwiceIsRefusedAsNotActive() {
        memberWithJodAccounts(A);
        ledger.send(new CloseSavingsAccount(A, TODAY));
        assertRejected(ACCOUNT_NOT_ACTIVE, () -> ledger.send(new CloseSavingsAccount(A, TODAY)));
    }

    @Test
    void transferAppendsBothLegsThroughTheClearingAccountAndAnswersBothBalances() {
        memberWithJodAccounts(A, B);
        deposit(A, jod("100.000"));
        int before = ledger.events().size();

        TransferResult result = ledger.send(transfer(A, B, jod("30.000")));

        assertEquals(new TransferResult(T1, new PostingResult(T1, jod("70.000"), jod("70.000")),
                new PostingResult(T1, jod("30.000"), jod("30.000"))), result);
        assertEquals(List.of(
                new TransferSent(A, T1, B, jod("30.000"), jod("70.000"), TODAY, "rent share",
                        JournalEntry.transfer(MEMBER_SAVINGS, TRANSFERS_IN_TRANSIT, jod("30.000"))),
                new TransferReceived(B, T1, A, jod("30.000"), jod("30.000"), TODAY, "rent share",
                        JournalEntry.transfer(TRANSFERS_IN_TRANSIT, MEMBER_SAVINGS, jod("30.000")))),
                eventsAfter(before));
    }

    @Test
    void transferFromTheHigherIdToTheLowerOneWorksTheSame() {
        memberWithJodAccounts(A, B);
        deposit(B, jod("10.000"));

        TransferResult result = ledger.send(transfer(B, A, jod("10.000")));

        assertEquals(jod("0.000"), result.from().balance());
        assertEquals(jod("10.000"), result.to().balance());
    }

    @Test
    void transferToTheSameAccountIsRefused() {
        memberWithJodAccounts(A);
        deposit(A, jod("10.000"));
        assertRejected(SAME_ACCOUNT_TRANSFER, () -> ledger.send(transfer(A, A, jod("1.000"))));
    }

    @Test
    void transferFromAnUnknownAccountIsRefusedAsNotFound() {
        memberWithJodAccounts(B);
        assertRejected(ACCOUNT_NOT_FOUND, () -> ledger.send(transfer(A, B, jod("1.000"))));
    }

    @Test
    void transferToAnUnknownAccountIsRefusedAsNotFound() {
        memberWithJodAccounts(A);
        deposit(A, jod("10.000"));
        assertRejected(ACCOUNT_NOT_FOUND, () -> ledger.send(transfer(A, B, jod("1.000"))));
    }

    @Test
    void transferBetweenAccountsInDifferentCurrenciesIsRefused() {
        memberWithJodAccounts(A);
        ledger.send(new OpenSavingsAccount(B, MEMBER, null, CurrencyUnit.USD, TODAY));
        deposit(A, jod("10.000"));
        assertRejected(CURRENCY_MISMATCH, () -> ledger.send(transfer(A, B, jod("1.000"))));
    }

    @Test
    void transferOfAnAmountInAnotherCurrencyThanTheAccountsIsRefused() {
        memberWithJodAccounts(A, B);
        deposit(A, jod("10.000"));
        assertRejected(CURRENCY_MISMATCH, () -> ledger.send(transfer(A, B, usd("1.00"))));
    }

    @Test
    void transferOfZeroIsRefusedAsInvalidAmount() {
        memberWithJodAccounts(A, B);
        assertRejected(INVALID_AMOUNT, () -> ledger.send(transfer(A, B, jod("0"))));
    }

    @Test
    void transferAboveTheAvailableBalanceIsRefusedAndRecordsNothing() {
        memberWithJodAccounts(A, B);
        deposit(A, jod("10.000"));
        int before = ledger.events().size();

        assertRejected(INSUFFICIENT_FUNDS, () -> ledger.send(transfer(A, B, jod("10.001"))));
        assertEquals(List.of(), eventsAfter(before));
    }

    @Test
    void transferToAClosedAccountIsRefusedAndTheSourceLegIsNotRecordedEither() {
        memberWithJodAccounts(A, B);
        ledger.send(new CloseSavingsAccount(B, TODAY));
        deposit(A, jod("10.000"));
        int before = ledger.events().size();

        assertRejected(ACCOUNT_NOT_ACTIVE, () -> ledger.send(transfer(A, B, jod("1.000"))));
        assertEquals(List.of(), eventsAfter(before));
        PostingResult all = ledger.send(new RecordWithdrawal(A, TransactionId.random(), jod("10.000"), TODAY, null,
                null, null));
        assertEquals(jod("0.000"), all.balance());
    }

    @Test
    void transferToAMembersIdIsRefusedAsAccountNotFound() {
        memberWithJodAccounts(A);
        deposit(A, jod("10.000"));
        assertRejected(ACCOUNT_NOT_FOUND,
                () -> ledger.send(transfer(A, new AccountId(MEMBER.value()), jod("1.000"))));
    }

    @Test
    void openingForAnAccountsIdAsMemberIsRefusedAsMemberNotFound() {
        memberWithJodAccounts(A);
        assertRejected(MEMBER_NOT_FOUND,
                () -> ledger.send(new OpenSavingsAccount(B, new MemberId(A.value()), null, JOD, TODAY)));
    }

    @Test
    void depositToAnUnknownAccountIsLeftToAxonsNotFound() {
        assertThrows(AggregateNotFoundException.class, () -> deposit(A, jod("1.000")));
    }

    @Test
    void depositToAnIdOfAnotherAggregateTypeIsLeftToAxonsIncompatibleAggregate() {
        ledger.send(registerMember(MEMBER, null));
        assertThrows(IncompatibleAggregateException.class, () -> deposit(new AccountId(MEMBER.value()), jod("1.000")));
    }
}

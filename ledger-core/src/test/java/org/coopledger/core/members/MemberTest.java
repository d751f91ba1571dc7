package org.coopledger.core.members;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coopledger.core.members.api.ExitMember;
import org.coopledger.core.members.api.MemberAccountClosed;
import org.coopledger.core.members.api.MemberAccountOpened;
import org.coopledger.core.members.api.MemberContactUpdated;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.coopledger.core.testsupport.Samples;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.UpdateMemberContact;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.savings.api.AccountId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.coopledger.core.error.ErrorCode.MEMBER_HAS_OPEN_ACCOUNTS;
import static org.coopledger.core.error.ErrorCode.MEMBER_HOLDS_SHARES;
import static org.coopledger.core.error.ErrorCode.MEMBER_NOT_ACTIVE;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.SHARE_CAPITAL;
import static org.coopledger.core.testsupport.Rejections.rejectedWith;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.memberRegistered;
import static org.coopledger.core.testsupport.Samples.sealed;

class MemberTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final AccountId ACCOUNT = new AccountId("account-1");

    private FixtureConfiguration<Member> fixture;

    private final InMemoryMemberKeys keys = new InMemoryMemberKeys();

    @BeforeEach
    void setUp() {
        keys.create(MEMBER, Samples.KEY);
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(MembersTestModule.cipher(keys));
    }

    @Test
    void contactUpdateStatesBothFieldsKeepingTheOneNotGiven() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(new UpdateMemberContact(MEMBER, "+962790000002", null))
                .expectEvents(new MemberContactUpdated(MEMBER, sealed(MEMBER, Field.PHONE, "+962790000002"),
                        sealed(MEMBER, Field.ADDRESS, "Jabal Amman, 3rd circle")));
    }

    @Test
    void contactUpdateWithNothingToChangeIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(new UpdateMemberContact(MEMBER, null, null))
                .expectException(rejectedWith(VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void contactUpdateWithAnOverlongPhoneIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(new UpdateMemberContact(MEMBER, "1".repeat(Member.MAX_PHONE_CHARS + 1), null))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void contactUpdateOfAnExitedMemberIsRefusedAsNotActive() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberExited(MEMBER, TODAY, "moved away"))
                .when(new UpdateMemberContact(MEMBER, "+962790000002", null))
                .expectException(rejectedWith(MEMBER_NOT_ACTIVE));
    }

    @Test
    void memberWithoutAccountsOrSharesExits() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(new ExitMember(MEMBER, TODAY, "returned home"))
                .expectEvents(new MemberExited(MEMBER, TODAY, "returned home"));
    }

    @Test
    void exitWithAnOpenAccountIsRefused() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberAccountOpened(MEMBER, ACCOUNT))
                .when(new ExitMember(MEMBER, TODAY, null))
                .expectException(rejectedWith(MEMBER_HAS_OPEN_ACCOUNTS));
    }

    @Test
    void exitAfterTheLastAccountClosedIsAllowed() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberAccountOpened(MEMBER, ACCOUNT),
                        new MemberAccountClosed(MEMBER, ACCOUNT))
                .when(new ExitMember(MEMBER, TODAY, null))
                .expectEvents(new MemberExited(MEMBER, TODAY, null));
    }

    @Test
    void exitWhileHoldingSharesIsRefused() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new SharesPurchased(MEMBER, new TransactionId("t-1"), 2,
                        jod("5.000"), jod("10.000"), 2, TODAY, null,
                        JournalEntry.transfer(CASH_ON_HAND, SHARE_CAPITAL, jod("10.000"))))
                .when(new ExitMember(MEMBER, TODAY, null))
                .expectException(rejectedWith(MEMBER_HOLDS_SHARES));
    }

    @Test
    void exitingTwiceIsRefusedAsNotActive() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberExited(MEMBER, TODAY, null))
                .when(new ExitMember(MEMBER, TODAY, null))
                .expectException(rejectedWith(MEMBER_NOT_ACTIVE));
    }

    @Test
    void exitWithoutADateIsRefusedAsInvalid() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(new ExitMember(MEMBER, null, null))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }
}

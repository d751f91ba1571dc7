package org.coopledger.core.members;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coopledger.core.journal.JournalEntry;
import org.coopledger.core.journal.TransactionId;
import org.coopledger.core.members.api.ErasePersonalData;
import org.coopledger.core.members.api.ExitMember;
import org.coopledger.core.members.api.MemberAccountOpened;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberPersonalDataErased;
import org.coopledger.core.members.api.SharesPurchased;
import org.coopledger.core.members.api.UpdateMemberContact;
import org.coopledger.core.savings.api.AccountId;
import org.coopledger.core.testsupport.Samples;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.coopledger.core.error.ErrorCode.MEMBER_HAS_OPEN_ACCOUNTS;
import static org.coopledger.core.error.ErrorCode.MEMBER_HOLDS_SHARES;
import static org.coopledger.core.error.ErrorCode.MEMBER_NOT_ACTIVE;
import static org.coopledger.core.journal.GlAccount.CASH_ON_HAND;
import static org.coopledger.core.journal.GlAccount.SHARE_CAPITAL;
import static org.coopledger.core.testsupport.Rejections.rejectedWith;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.jod;
import static org.coopledger.core.testsupport.Samples.memberRegistered;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Crypto-shredding of a member: when it is allowed, and that the key goes with the event. */
class MemberErasureTest {

    private static final MemberId MEMBER = new MemberId("member-1");
    private static final AccountId ACCOUNT = new AccountId("account-1");

    private final InMemoryMemberKeys keys = new InMemoryMemberKeys();
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        keys.create(MEMBER, Samples.KEY);
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerInjectableResource(MembersTestModule.cipher(keys));
    }

    @Test
    void anExitedMemberIsErasedAndTheKeyDestroyed() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberExited(MEMBER, TODAY, "returned home"))
                .when(new ErasePersonalData(MEMBER, TODAY, "member asked"))
                .expectEvents(new MemberPersonalDataErased(MEMBER, TODAY, "member asked"));
        assertTrue(keys.destroyed(MEMBER));
    }

    @Test
    void anActiveMemberHoldingNothingMayBeErasedButThenChangesNothingPersonal() {
        fixture.given(memberRegistered(MEMBER, "M-1"))
                .when(new ErasePersonalData(MEMBER, TODAY, null))
                .expectEvents(new MemberPersonalDataErased(MEMBER, TODAY, null));

        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberPersonalDataErased(MEMBER, TODAY, null))
                .when(new UpdateMemberContact(MEMBER, "+962790000002", null))
                .expectException(rejectedWith(MEMBER_NOT_ACTIVE));
    }

    @Test
    void anErasedMemberMayStillExit() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberPersonalDataErased(MEMBER, TODAY, null))
                .when(new ExitMember(MEMBER, TODAY, null))
                .expectEvents(new MemberExited(MEMBER, TODAY, null));
    }

    @Test
    void erasingTwiceChangesNothing() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberPersonalDataErased(MEMBER, TODAY, null))
                .when(new ErasePersonalData(MEMBER, TODAY, null))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void erasureWithAnOpenAccountIsRefusedAndKeepsTheKey() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new MemberAccountOpened(MEMBER, ACCOUNT))
                .when(new ErasePersonalData(MEMBER, TODAY, null))
                .expectException(rejectedWith(MEMBER_HAS_OPEN_ACCOUNTS))
                .expectNoEvents();
        assertFalse(keys.destroyed(MEMBER));
    }

    @Test
    void erasureWhileHoldingSharesIsRefused() {
        fixture.given(memberRegistered(MEMBER, "M-1"), new SharesPurchased(MEMBER, new TransactionId("t-1"), 2,
                        jod("5.000"), jod("10.000"), 2, TODAY, null,
                        JournalEntry.transfer(CASH_ON_HAND, SHARE_CAPITAL, jod("10.000"))))
                .when(new ErasePersonalData(MEMBER, TODAY, null))
                .expectException(rejectedWith(MEMBER_HOLDS_SHARES));
        assertFalse(keys.destroyed(MEMBER));
    }
}

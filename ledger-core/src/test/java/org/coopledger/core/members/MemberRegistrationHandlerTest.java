package org.coopledger.core.members;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.coopledger.core.members.api.IdentityDocument;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.RegisterMember;
import org.coopledger.core.members.api.Segment;
import org.coopledger.core.testsupport.FakeMemberNumberRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.coopledger.core.error.ErrorCode.MEMBER_NUMBER_TAKEN;
import static org.coopledger.core.error.ErrorCode.VALIDATION_FAILED;
import static org.coopledger.core.testsupport.Rejections.rejectedWith;
import static org.coopledger.core.testsupport.Samples.TODAY;
import static org.coopledger.core.testsupport.Samples.memberRegistered;
import static org.coopledger.core.testsupport.Samples.personal;
import static org.coopledger.core.testsupport.Samples.registerMember;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberRegistrationHandlerTest {

    private static final MemberId MEMBER = new MemberId("member-1");

    private final FakeMemberNumberRegistry registry = new FakeMemberNumberRegistry();
    private final InMemoryMemberKeys keys = new InMemoryMemberKeys();
    private FixtureConfiguration<Member> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Member.class);
        fixture.registerAnnotatedCommandHandler(new MemberRegistrationHandler(fixture.getRepository(), registry,
                MembersTestModule.cipher(keys)));
    }

    @Test
    void registrationCreatesTheMembersKeyAndTheEventHoldsNoPersonalFieldInClear() {
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, "AMM-0042"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                new org.hamcrest.CustomTypeSafeMatcher<MemberRegistered>("sealed personal fields") {
                                    @Override
                                    protected boolean matchesSafely(MemberRegistered event) {
                                        String all = event.personal().legalName() + event.personal().phone()
                                                + event.personal().address() + event.personal().documentNumber()
                                                + event.personal().dateOfBirth();
                                        return !all.contains("Amina") && !all.contains("+962790000001")
                                                && !all.contains("Jabal") && !all.contains("UNHCR")
                                                && !all.contains("1990");
                                    }
                                },
                                org.axonframework.test.matchers.Matchers.andNoMore())));
        assertTrue(keys.find(MEMBER).isPresent());
    }

    @Test
    void aRefusedRegistrationCreatesNoKey() {
        registry.take("AMM-0042", "someone-else");
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, "AMM-0042"))
                .expectException(rejectedWith(MEMBER_NUMBER_TAKEN));
        assertFalse(keys.find(MEMBER).isPresent());
    }

    @Test
    void registrationWithAGivenNumberReservesItAndRecordsTheMember() {
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, "AMM-0042"))
                .expectEvents(memberRegistered(MEMBER, "AMM-0042"))
                .expectResultMessagePayload("AMM-0042");
        assertEquals(Map.of("AMM-0042", "member-1"), registry.reserved());
    }

    @Test
    void registrationWithoutANumberGetsTheNextGeneratedOne() {
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, null))
                .expectEvents(memberRegistered(MEMBER, "M-000001"))
                .expectResultMessagePayload("M-000001");
    }

    @Test
    void generatedNumberAlreadyTypedInByATellerIsSkipped() {
        registry.take("M-000001", "someone-else");
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, null))
                .expectEvents(memberRegistered(MEMBER, "M-000002"));
    }

    @Test
    void registrationWithATakenNumberIsRefusedAndRecordsNothing() {
        registry.take("AMM-0042", "someone-else");
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, "AMM-0042"))
                .expectException(rejectedWith(MEMBER_NUMBER_TAKEN))
                .expectNoEvents();
    }

    @Test
    void memberNumberWithCharactersOutsideLettersDigitsAndDashesIsRefusedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, "AMM 0042"))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void memberNumberLongerThanThirtyTwoCharactersIsRefusedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, "A".repeat(33)))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void memberNumberOfThirtyTwoCharactersIsAccepted() {
        fixture.givenNoPriorActivity()
                .when(registerMember(MEMBER, "A".repeat(32)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void registrationWithoutALegalNameIsRefusedAsInvalid() {
        PersonalData p = personal();
        PersonalData noName = new PersonalData(" ", p.dateOfBirth(), p.gender(), p.phone(), p.countryOfOrigin(),
                p.address(), p.document());
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, "M-1", noName, Segment.REFUGEE, "AMMAN-1", TODAY))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void registrationWithoutADocumentIsRefusedButNoDocumentYetIsAccepted() {
        PersonalData p = personal();
        PersonalData missing = new PersonalData(p.legalName(), p.dateOfBirth(), p.gender(), p.phone(),
                p.countryOfOrigin(), p.address(), null);
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, "M-1", missing, Segment.REFUGEE, "AMMAN-1", TODAY))
                .expectException(rejectedWith(VALIDATION_FAILED));

        PersonalData noneYet = new PersonalData(p.legalName(), p.dateOfBirth(), p.gender(), p.phone(),
                p.countryOfOrigin(), p.address(), IdentityDocument.none());
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, "M-2", noneYet, Segment.REFUGEE, "AMMAN-1", TODAY))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void registrationWithoutASegmentIsRefusedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, "M-1", personal(), null, "AMMAN-1", TODAY))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void registrationWithoutABranchIsRefusedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, "M-1", personal(), Segment.REFUGEE, "", TODAY))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void registrationWithoutAJoinDateIsRefusedAsInvalid() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, "M-1", personal(), Segment.REFUGEE, "AMMAN-1", null))
                .expectException(rejectedWith(VALIDATION_FAILED));
    }

    @Test
    void invalidRegistrationReservesNoNumber() {
        fixture.givenNoPriorActivity()
                .when(new RegisterMember(MEMBER, "M-1", personal(), Segment.REFUGEE, "AMMAN-1", null));
        assertEquals(Map.of(), registry.reserved());
    }
}

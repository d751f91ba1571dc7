package org.coopledger.reporting.members;

import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.MemberContactUpdated;
import org.coopledger.core.members.api.MemberExited;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberPersonalDataErased;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.coopledger.core.members.api.Segment;
import org.coopledger.reporting.History;
import org.coopledger.reporting.ReportingDatabase;
import org.coopledger.reporting.SampleEvents;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.coopledger.reporting.SampleEvents.DAY_1;
import static org.coopledger.reporting.SampleEvents.DAY_2;
import static org.coopledger.reporting.SampleEvents.DAY_3;
import static org.coopledger.reporting.SampleEvents.jod;
import static org.coopledger.reporting.SampleEvents.registered;
import static org.coopledger.reporting.SampleEvents.seal;
import static org.coopledger.reporting.SampleEvents.storeKey;
import static org.coopledger.reporting.SampleEvents.sharesPurchased;
import static org.coopledger.reporting.SampleEvents.sharesRedeemed;

class MemberProjectionTest {

    private static final MemberId MEMBER = new MemberId("member-1");

    private static ReportingDatabase db;
    private static MemberProjection projection;
    private static JdbcMemberQueries queries;

    @BeforeAll
    static void startDatabase() {
        db = ReportingDatabase.start();
        projection = new MemberProjection(db.jdbc(), db.transactions());
        queries = new JdbcMemberQueries(db.jdbc());
        storeKey(db.jdbc(), MEMBER);
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        db.close();
    }

    @BeforeEach
    void emptyProjection() {
        projection.reset();
    }

    @Test
    void registeredMemberHasEveryPersonalFieldNoSharesAndIsActive() {
        projection.on(registered(MEMBER, "M-000001"), 0);

        MemberView view = queries.member(MEMBER).orElseThrow();

        assertThat(view.memberId()).isEqualTo(MEMBER);
        assertThat(view.memberNumber()).isEqualTo("M-000001");
        assertThat(view.legalName()).isEqualTo("Amina Test");
        assertThat(view.dateOfBirth()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(view.gender()).isEqualTo(Gender.FEMALE);
        assertThat(view.phone()).isEqualTo("+962700000000");
        assertThat(view.countryOfOrigin()).isEqualTo("SY");
        assertThat(view.address()).isEqualTo("Block 4, Zaatari");
        assertThat(view.documentType()).isEqualTo(DocumentType.REFUGEE_CERTIFICATE);
        assertThat(view.documentNumber()).isEqualTo("RC-0001");
        assertThat(view.segment()).isEqualTo(Segment.REFUGEE);
        assertThat(view.branch()).isEqualTo("AMMAN-1");
        assertThat(view.joinDate()).isEqualTo(DAY_1);
        assertThat(view.status()).isEqualTo("ACTIVE");
        assertThat(view.sharesHeld()).isZero();
        assertThat(view.shareCapital()).as("no share currency before the first purchase").isNull();
        assertThat(view.erased()).isFalse();
        assertThat(view.toString()).doesNotContain("Amina").doesNotContain("RC-0001");
        assertThat(db.jdbc().queryForObject("SELECT count(*) FROM member_projection WHERE "
                + "concat_ws('|', sealed_legal_name, sealed_phone, sealed_address, sealed_document_number) "
                + "LIKE '%Amina%' OR sealed_phone LIKE '%962%'", Long.class))
                .as("the projection holds no clear text").isZero();
    }

    @Test
    void contactUpdateReplacesPhoneAndAddress() {
        projection.on(registered(MEMBER, "M-000001"), 0);

        projection.on(new MemberContactUpdated(MEMBER, seal(MEMBER, Field.PHONE, "+962711111111"), seal(MEMBER, Field.ADDRESS, "Irbid")), 1);

        MemberView view = queries.member(MEMBER).orElseThrow();
        assertThat(view.phone()).isEqualTo("+962711111111");
        assertThat(view.address()).isEqualTo("Irbid");
    }

    @Test
    void sharesHeldAndShareCapitalFollowPurchasesAndRedemptions() {
        projection.on(registered(MEMBER, "M-000001"), 0);

        projection.on(sharesPurchased(MEMBER, "s1", 3, jod("10.000"), 3, DAY_1), 1);
        projection.on(sharesPurchased(MEMBER, "s2", 2, jod("10.000"), 5, DAY_2), 2);
        MemberView afterPurchases = queries.member(MEMBER).orElseThrow();
        projection.on(sharesRedeemed(MEMBER, "s3", 5, jod("10.000"), 0, DAY_3), 3);
        MemberView afterRedemption = queries.member(MEMBER).orElseThrow();

        assertThat(afterPurchases.sharesHeld()).isEqualTo(5);
        assertThat(afterPurchases.shareCapital()).isEqualTo(jod("50.000"));
        assertThat(afterPurchases.shareCapital().getAmount().toPlainString()).isEqualTo("50.000");
        assertThat(afterRedemption.sharesHeld()).isZero();
        assertThat(afterRedemption.shareCapital()).isEqualTo(jod("0.000"));
    }

    @Test
    void exitedMemberIsExited() {
        projection.on(registered(MEMBER, "M-000001"), 0);

        projection.on(new MemberExited(MEMBER, DAY_3, "moved away"), 1);

        assertThat(queries.member(MEMBER).orElseThrow().status()).isEqualTo("EXITED");
    }

    @Test
    void replayingTheSameEventsTwiceChangesNothing() {
        Runnable history = () -> {
            projection.on(registered(MEMBER, "M-000001"), 0);
            projection.on(sharesPurchased(MEMBER, "s1", 3, jod("10.000"), 3, DAY_1), 1);
            projection.on(new MemberContactUpdated(MEMBER, seal(MEMBER, Field.PHONE, "+962711111111"), seal(MEMBER, Field.ADDRESS, "Irbid")), 2);
        };
        history.run();
        Map<String, Object> before = db.jdbc().queryForMap("SELECT * FROM member_projection");

        history.run();

        assertThat(db.jdbc().queryForMap("SELECT * FROM member_projection")).isEqualTo(before);
        assertThat(db.count("member_projection")).isEqualTo(1);
    }

    @Test
    void aRedeliveredOlderEventDoesNotOverwriteANewerState() {
        projection.on(registered(MEMBER, "M-000001"), 0);
        projection.on(new MemberContactUpdated(MEMBER, seal(MEMBER, Field.PHONE, "+962700000001"), seal(MEMBER, Field.ADDRESS, "Old")), 1);
        projection.on(new MemberContactUpdated(MEMBER, seal(MEMBER, Field.PHONE, "+962700000002"), seal(MEMBER, Field.ADDRESS, "New")), 2);

        projection.on(new MemberContactUpdated(MEMBER, seal(MEMBER, Field.PHONE, "+962700000001"), seal(MEMBER, Field.ADDRESS, "Old")), 1);

        assertThat(queries.member(MEMBER).orElseThrow().address()).isEqualTo("New");
    }

    @Test
    void anErasedMemberKeepsNumberSegmentBranchStatusAndSharesButNoPersonalField() {
        MemberId erased = new MemberId("member-erased");
        db.jdbc().update("INSERT INTO member_key (member_id, key_bytes, created_at) VALUES (?, ?, now())",
                erased.value(), SampleEvents.KEY);
        projection.on(registered(erased, "M-000009"), 0);
        projection.on(new MemberExited(erased, DAY_2, "moved away"), 1);
        db.jdbc().update("UPDATE member_key SET key_bytes = NULL, destroyed_at = now() WHERE member_id = ?",
                erased.value());
        MemberView keyGone = queries.member(erased).orElseThrow();

        projection.on(new MemberPersonalDataErased(erased, DAY_3, null), 2);
        MemberView afterEvent = queries.member(erased).orElseThrow();

        for (MemberView view : java.util.List.of(keyGone, afterEvent)) {
            assertThat(view.erased()).isTrue();
            assertThat(view.legalName()).isNull();
            assertThat(view.dateOfBirth()).isNull();
            assertThat(view.phone()).isNull();
            assertThat(view.address()).isNull();
            assertThat(view.documentNumber()).isNull();
            assertThat(view.memberNumber()).isEqualTo("M-000009");
            assertThat(view.segment()).isEqualTo(Segment.REFUGEE);
            assertThat(view.branch()).isEqualTo("AMMAN-1");
            assertThat(view.status()).isEqualTo("EXITED");
        }
        assertThat(db.jdbc().queryForObject(
                "SELECT count(*) FROM member_projection WHERE member_id = ? AND sealed_legal_name IS NOT NULL",
                Long.class, erased.value())).isZero();
    }

    @Test
    void aReplayAfterErasureStillShowsNothingPersonal() {
        MemberId erased = new MemberId("member-replayed");
        db.jdbc().update("INSERT INTO member_key (member_id, key_bytes, created_at) VALUES (?, ?, now())",
                erased.value(), SampleEvents.KEY);
        Runnable history = () -> {
            projection.on(registered(erased, "M-000010"), 0);
            projection.on(new MemberPersonalDataErased(erased, DAY_3, null), 1);
        };
        history.run();
        db.jdbc().update("UPDATE member_key SET key_bytes = NULL, destroyed_at = now() WHERE member_id = ?",
                erased.value());

        projection.reset();
        projection.on(registered(erased, "M-000010"), 0);
        MemberView midReplay = queries.member(erased).orElseThrow();
        history.run();

        assertThat(midReplay.erased()).as("the key is gone even before the erasure event is replayed").isTrue();
        assertThat(midReplay.legalName()).isNull();
        assertThat(queries.member(erased).orElseThrow().legalName()).isNull();
        assertThat(queries.member(erased).orElseThrow().erased()).isTrue();
    }

    @Test
    void resetEmptiesTheProjection() {
        projection.on(registered(MEMBER, "M-000001"), 0);

        projection.reset();

        assertThat(db.count("member_projection")).isZero();
        assertThat(queries.member(MEMBER)).isEmpty();
    }

    @Test
    void unknownMemberIsEmpty() {
        assertThat(queries.member(new MemberId("nobody"))).isEmpty();
    }

    @Test
    void throughAxonEveryMemberEventReachesTheProjection() {
        new History()
                .append("Member", MEMBER.value(), registered(MEMBER, "M-000001"))
                .append("Member", MEMBER.value(), sharesPurchased(MEMBER, "s1", 4, jod("2.500"), 4, DAY_1))
                .append("Member", MEMBER.value(), new MemberContactUpdated(MEMBER, null, seal(MEMBER, Field.ADDRESS, "Irbid")))
                .append("Member", MEMBER.value(), sharesRedeemed(MEMBER, "s2", 4, jod("2.500"), 0, DAY_2))
                .append("Member", MEMBER.value(), new MemberExited(MEMBER, DAY_3, null))
                .deliverTo(projection);

        MemberView view = queries.member(MEMBER).orElseThrow();

        assertThat(view.address()).isEqualTo("Irbid");
        assertThat(view.phone()).isNull();
        assertThat(view.sharesHeld()).isZero();
        assertThat(view.shareCapital()).isEqualTo(jod("0.000"));
        assertThat(view.status()).isEqualTo("EXITED");
        assertThat(db.jdbc().queryForObject("SELECT last_sequence_number FROM member_projection", Long.class))
                .isEqualTo(4L);
    }
}

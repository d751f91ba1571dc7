package org.coopledger.core.testsupport;

import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.IdentityDocument;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.RegisterMember;
import org.coopledger.core.members.api.Segment;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Readable test data. The people are invented. */
public final class Samples {

    public static final CurrencyUnit JOD = CurrencyUnit.of("JOD");
    public static final CurrencyUnit USD = CurrencyUnit.of("USD");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    private Samples() {
    }

    public static Money jod(String amount) {
        return Money.of(JOD, new BigDecimal(amount));
    }

    public static Money usd(String amount) {
        return Money.of(USD, new BigDecimal(amount));
    }

    public static PersonalData personal() {
        return new PersonalData("Amina Yusuf", LocalDate.of(1990, 3, 14), Gender.FEMALE, "+962790000001", "SD",
                "Jabal Amman, 3rd circle", new IdentityDocument(DocumentType.REFUGEE_CERTIFICATE, "UNHCR-123-456"));
    }

    public static RegisterMember registerMember(MemberId memberId, String memberNumber) {
        return new RegisterMember(memberId, memberNumber, personal(), Segment.REFUGEE, "AMMAN-1", TODAY);
    }

    public static MemberRegistered memberRegistered(MemberId memberId, String memberNumber) {
        return new MemberRegistered(memberId, memberNumber, personal(), Segment.REFUGEE, "AMMAN-1", TODAY);
    }
}

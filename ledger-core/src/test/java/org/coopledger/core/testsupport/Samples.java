package org.coopledger.core.testsupport;

import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.EncryptedPersonalData;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.IdentityDocument;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.MemberRegistered;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.PersonalFieldCipher;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.coopledger.core.members.api.RegisterMember;
import org.coopledger.core.members.api.Segment;
import org.joda.money.CurrencyUnit;
import org.joda.money.Money;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Arrays;
import java.time.LocalDate;

/** Readable test data. The people are invented. */
public final class Samples {

    public static final CurrencyUnit JOD = CurrencyUnit.of("JOD");
    public static final CurrencyUnit USD = CurrencyUnit.of("USD");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    /**
     * All zeros: with {@link #ZERO_RANDOM} every test member's key and every IV are zeros, so
     * sealed fields are reproducible and expected events can be written down. Never outside tests.
     */
    public static final byte[] KEY = new byte[PersonalFieldCipher.KEY_BYTES];

    /** A "random" source of zeros, for reproducible keys and IVs in tests only. */
    public static final SecureRandom ZERO_RANDOM = new SecureRandom() {
        @Override
        public void nextBytes(byte[] bytes) {
            Arrays.fill(bytes, (byte) 0);
        }
    };

    private Samples() {
    }

    /** {@code plaintext} sealed as the test cipher seals it (zero key, zero IV). */
    public static String sealed(MemberId memberId, Field field, String plaintext) {
        return PersonalFieldCipher.seal(KEY, memberId, field, plaintext, ZERO_RANDOM);
    }

    /** {@link #personal()} as the test cipher seals it for {@code memberId}. */
    public static EncryptedPersonalData sealedPersonal(MemberId memberId) {
        return sealedPersonal(memberId, personal());
    }

    public static EncryptedPersonalData sealedPersonal(MemberId memberId, PersonalData p) {
        return new EncryptedPersonalData(sealed(memberId, Field.LEGAL_NAME, p.legalName()),
                sealed(memberId, Field.DATE_OF_BIRTH, p.dateOfBirth() == null ? null : p.dateOfBirth().toString()),
                p.gender(), sealed(memberId, Field.PHONE, p.phone()), p.countryOfOrigin(),
                sealed(memberId, Field.ADDRESS, p.address()), p.document().type(),
                sealed(memberId, Field.DOCUMENT_NUMBER, p.document().number()));
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
        return new MemberRegistered(memberId, memberNumber, sealedPersonal(memberId), Segment.REFUGEE, "AMMAN-1",
                TODAY);
    }
}

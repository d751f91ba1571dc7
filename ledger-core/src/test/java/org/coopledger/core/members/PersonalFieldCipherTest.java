package org.coopledger.core.members;

import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PersonalFieldCipher;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** AES-256-GCM of personal fields: round trip, and nothing opens that was moved or altered. */
class PersonalFieldCipherTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final MemberId AMINA = new MemberId("member-a");
    private static final MemberId BASHIR = new MemberId("member-b");
    private final byte[] key = PersonalFieldCipher.newKey(RANDOM);

    @Test
    void aSealedValueOpensBackWithTheSameKeyMemberAndField() {
        String sealed = PersonalFieldCipher.seal(key, AMINA, Field.LEGAL_NAME, "Amina Yusuf — أمينة", RANDOM);

        assertFalse(sealed.contains("Amina"));
        assertEquals("Amina Yusuf — أمينة", PersonalFieldCipher.open(key, AMINA, Field.LEGAL_NAME, sealed));
    }

    @Test
    void eachSealingUsesAFreshIv() {
        assertNotEquals(PersonalFieldCipher.seal(key, AMINA, Field.PHONE, "+962790000001", RANDOM),
                PersonalFieldCipher.seal(key, AMINA, Field.PHONE, "+962790000001", RANDOM));
    }

    @Test
    void nullStaysNull() {
        assertNull(PersonalFieldCipher.seal(key, AMINA, Field.ADDRESS, null, RANDOM));
        assertNull(PersonalFieldCipher.open(key, AMINA, Field.ADDRESS, null));
    }

    @Test
    void aCiphertextMovedToAnotherMemberOrFieldDoesNotOpen() {
        String sealed = PersonalFieldCipher.seal(key, AMINA, Field.PHONE, "+962790000001", RANDOM);

        assertThrows(IllegalArgumentException.class, () -> PersonalFieldCipher.open(key, BASHIR, Field.PHONE, sealed));
        assertThrows(IllegalArgumentException.class, () -> PersonalFieldCipher.open(key, AMINA, Field.ADDRESS, sealed));
    }

    @Test
    void aTamperedCiphertextDoesNotOpen() {
        byte[] bytes = Base64.getDecoder().decode(PersonalFieldCipher.seal(key, AMINA, Field.PHONE, "+962790000001", RANDOM));
        bytes[bytes.length - 20] ^= 1;
        String tampered = Base64.getEncoder().encodeToString(bytes);

        assertThrows(IllegalArgumentException.class, () -> PersonalFieldCipher.open(key, AMINA, Field.PHONE, tampered));
    }

    @Test
    void anotherKeyDoesNotOpen() {
        String sealed = PersonalFieldCipher.seal(key, AMINA, Field.PHONE, "+962790000001", RANDOM);
        byte[] other = PersonalFieldCipher.newKey(RANDOM);

        assertThrows(IllegalArgumentException.class, () -> PersonalFieldCipher.open(other, AMINA, Field.PHONE, sealed));
    }

    @Test
    void garbageIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PersonalFieldCipher.open(key, AMINA, Field.LEGAL_NAME, "Amina Yusuf"));
        assertFalse(e.getMessage().contains("Amina"));
    }
}

package org.coopledger.core.members;

import org.coopledger.core.members.api.EncryptedPersonalData;
import org.coopledger.core.members.api.IdentityDocument;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.PersonalData;
import org.coopledger.core.members.api.PersonalFieldCipher;
import org.coopledger.core.members.api.PersonalFieldCipher.Field;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;

/**
 * Seals personal data for the member events with the member's own key, so that the aggregate
 * and the event store only ever see ciphertext. The key is created on registration and
 * destroyed on erasure, both in the command's transaction (see {@link MemberKeys}).
 */
@Component
class PersonalDataCipher {

    private final MemberKeys keys;
    private final SecureRandom random;

    @Autowired
    PersonalDataCipher(MemberKeys keys) {
        this(keys, new SecureRandom());
    }

    /** Tests pass a predictable source to get reproducible events; production never does. */
    PersonalDataCipher(MemberKeys keys, SecureRandom random) {
        this.keys = keys;
        this.random = random;
    }

    /** Creates the new member's key and seals their personal fields with it. */
    EncryptedPersonalData sealNewMember(MemberId memberId, PersonalData personal) {
        byte[] key = PersonalFieldCipher.newKey(random);
        keys.create(memberId, key);
        IdentityDocument document = personal.document();
        return new EncryptedPersonalData(
                seal(key, memberId, Field.LEGAL_NAME, personal.legalName()),
                seal(key, memberId, Field.DATE_OF_BIRTH,
                        personal.dateOfBirth() == null ? null : personal.dateOfBirth().toString()),
                personal.gender(),
                seal(key, memberId, Field.PHONE, personal.phone()),
                personal.countryOfOrigin(),
                seal(key, memberId, Field.ADDRESS, personal.address()),
                document == null ? null : document.type(),
                seal(key, memberId, Field.DOCUMENT_NUMBER, document == null ? null : document.number()));
    }

    /** Seals one new value under the member's existing key. */
    String seal(MemberId memberId, Field field, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] key = keys.find(memberId)
                .orElseThrow(() -> new IllegalStateException("member " + memberId + " has no live key"));
        return seal(key, memberId, field, plaintext);
    }

    /** Crypto-shredding: after this, nothing sealed for the member can be opened. */
    void forget(MemberId memberId) {
        keys.destroy(memberId);
    }

    private String seal(byte[] key, MemberId memberId, Field field, String plaintext) {
        return PersonalFieldCipher.seal(key, memberId, field, plaintext, random);
    }
}

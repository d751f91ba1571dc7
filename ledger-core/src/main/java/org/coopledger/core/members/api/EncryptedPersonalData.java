package org.coopledger.core.members.api;

/**
 * The personal fields of a member as events carry them. Legal name, date of birth (ISO date),
 * phone, address and document number are sealed with the member's key
 * ({@link PersonalFieldCipher}); they become unreadable forever once the key is destroyed.
 * Gender, country of origin and the document type stay in clear: the portfolio reports break
 * down by gender and origin, and "no document yet" is an inclusion indicator; none of them
 * names a person among a cooperative's members on its own.
 */
public record EncryptedPersonalData(String legalName,
                                    String dateOfBirth,
                                    Gender gender,
                                    String phone,
                                    String countryOfOrigin,
                                    String address,
                                    DocumentType documentType,
                                    String documentNumber) {

    @Override
    public String toString() {
        return "EncryptedPersonalData[redacted]";
    }
}

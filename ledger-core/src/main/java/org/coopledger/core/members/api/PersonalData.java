package org.coopledger.core.members.api;

import java.time.LocalDate;

/**
 * The personal (KYC) fields of a member, kept together because they are what erasure must make
 * unreadable. Nothing in here may appear in logs or in exception messages.
 */
public record PersonalData(String legalName,
                           LocalDate dateOfBirth,
                           Gender gender,
                           String phone,
                           String countryOfOrigin,
                           String address,
                           IdentityDocument document) {

    @Override
    public String toString() {
        return "PersonalData[redacted]";
    }
}

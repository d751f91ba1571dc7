package org.coopledger.reporting.members;

import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.MemberId;
import org.coopledger.core.members.api.Segment;

import java.time.LocalDate;

/**
 * The member record as the projection holds it. Personal fields: never log this object
 * ({@link #toString()} is redacted).
 *
 * @param status     ACTIVE or EXITED
 * @param erased     the member's key is destroyed: every personal field (legal name, date of birth,
 *                   phone, address, document number) is null for ever
 * @param sharesHeld number of shares; {@code shareCapital} is their nominal value ("0" and null currency when none)
 */
public record MemberView(MemberId memberId,
                         String memberNumber,
                         String legalName,
                         LocalDate dateOfBirth,
                         Gender gender,
                         String phone,
                         String countryOfOrigin,
                         String address,
                         DocumentType documentType,
                         String documentNumber,
                         Segment segment,
                         String branch,
                         LocalDate joinDate,
                         String status,
                         int sharesHeld,
                         org.joda.money.Money shareCapital,
                         boolean erased) {

    @Override
    public String toString() {
        return "MemberView[" + memberId + ", redacted]";
    }
}

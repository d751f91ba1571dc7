package org.coopledger.api.members;

import org.coopledger.core.members.api.DocumentType;
import org.coopledger.core.members.api.Gender;
import org.coopledger.core.members.api.Segment;
import org.coopledger.reporting.members.MemberView;
import org.joda.money.Money;

import java.time.LocalDate;

/**
 * The member record as a client sees it. Personal data: {@link #toString()} is redacted.
 * {@code erased}: the member's personal data was erased (crypto-shredding); the personal fields
 * are then null, number, segment, branch, status and shares remain.
 */
public record MemberResponse(String memberId,
                             String memberNumber,
                             String legalName,
                             LocalDate dateOfBirth,
                             Gender gender,
                             String phone,
                             String countryOfOrigin,
                             String address,
                             Document document,
                             Segment segment,
                             String branch,
                             LocalDate joinDate,
                             String status,
                             int sharesHeld,
                             Money shareCapital,
                             boolean erased) {

    public record Document(DocumentType type, String number) {
        @Override
        public String toString() {
            return "Document[" + type + ", redacted]";
        }
    }

    public static MemberResponse of(MemberView view) {
        return new MemberResponse(view.memberId().value(), view.memberNumber(), view.legalName(), view.dateOfBirth(),
                view.gender(), view.phone(), view.countryOfOrigin(), view.address(),
                new Document(view.documentType(), view.documentNumber()), view.segment(), view.branch(),
                view.joinDate(), view.status(), view.sharesHeld(), view.shareCapital(), view.erased());
    }

    @Override
    public String toString() {
        return "MemberResponse[" + memberId + ", redacted]";
    }
}

package org.coopledger.core.members.api;

import org.axonframework.serialization.Revision;

import java.time.LocalDate;

/** Revision 2: the personal fields are sealed ({@link EncryptedPersonalData}), no longer in clear. */
@Revision("2")
public record MemberRegistered(MemberId memberId,
                               String memberNumber,
                               EncryptedPersonalData personal,
                               Segment segment,
                               String branch,
                               LocalDate joinDate) {
}

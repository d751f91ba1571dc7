package org.coopledger.core.members.api;

import java.time.LocalDate;

/** Registers a member; {@code memberNumber} is unique within the cooperative. */
public record RegisterMember(MemberId memberId,
                             String memberNumber,
                             PersonalData personal,
                             Segment segment,
                             String branch,
                             LocalDate joinDate) {
}

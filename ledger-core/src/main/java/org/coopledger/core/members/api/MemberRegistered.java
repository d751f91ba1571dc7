package org.coopledger.core.members.api;

import java.time.LocalDate;

public record MemberRegistered(MemberId memberId,
                               String memberNumber,
                               PersonalData personal,
                               Segment segment,
                               String branch,
                               LocalDate joinDate) {
}

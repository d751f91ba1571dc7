package org.coopledger.core.members.api;

import java.time.LocalDate;

public record MemberExited(MemberId memberId, LocalDate exitDate, String reason) {
}

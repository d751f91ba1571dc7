package org.coopledger.core.members.api;

import java.time.LocalDate;

/** The member's key was destroyed in the same transaction: their personal fields are gone for good. */
public record MemberPersonalDataErased(MemberId memberId, LocalDate erasedOn, String reason) {
}

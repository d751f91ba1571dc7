package org.coopledger.core.members.api;

/** Carries the contact details as they are after the change (both fields). */
public record MemberContactUpdated(MemberId memberId, String phone, String address) {
}

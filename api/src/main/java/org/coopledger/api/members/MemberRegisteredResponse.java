package org.coopledger.api.members;

public record MemberRegisteredResponse(String memberId, String memberNumber) {
}

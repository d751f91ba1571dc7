package org.coopledger.core.members.api;

import org.axonframework.serialization.Revision;

/**
 * Carries the contact details as they are after the change (both fields), each sealed with the
 * member's key ({@link PersonalFieldCipher}). Revision 2: revision 1 carried them in clear.
 */
@Revision("2")
public record MemberContactUpdated(MemberId memberId, String phone, String address) {

    @Override
    public String toString() {
        return "MemberContactUpdated[" + memberId + ", redacted]";
    }
}

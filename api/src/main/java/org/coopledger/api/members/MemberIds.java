package org.coopledger.api.members;

import org.coopledger.core.error.ErrorCode;
import org.coopledger.core.error.LedgerException;
import org.coopledger.core.members.api.MemberId;

/** Turns a member id from a path or body into a {@link MemberId}, refusing overlong or blank ones as a client error. */
public final class MemberIds {

    private MemberIds() {
    }

    public static MemberId parse(String value) {
        if (value == null || value.isBlank() || value.length() > MemberId.MAX_LENGTH) {
            throw new LedgerException(ErrorCode.VALIDATION_FAILED,
                    "memberId must have 1 to " + MemberId.MAX_LENGTH + " characters");
        }
        return new MemberId(value);
    }
}
